"""A single-node Apache Kafka broker in KRaft mode, from Maven Central jars, on 127.0.0.1.

For tests, benchmarks and `python -m worker demo`; not for production. The jars are resolved
once with Maven (`scripts/kafka/pom.xml`) into a cache folder; the broker runs as a child
`java` process with its data and log in a temporary folder.

    python -m worker.devbroker fetch            # resolve the jars only
    python -m worker.devbroker start [--port N] # start in the background, print bootstrap
    python -m worker.devbroker status | stop
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

KAFKA_VERSION = "4.1.1"
PROJECT_DIR = Path(__file__).resolve().parent.parent
POM = PROJECT_DIR / "scripts" / "kafka" / "pom.xml"
STATE_DIR = PROJECT_DIR / ".kafka"

BROKER_CONFIG = {
    "process.roles": "broker,controller",
    "node.id": "1",
    "controller.listener.names": "CONTROLLER",
    "inter.broker.listener.name": "PLAINTEXT",
    "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
    "num.partitions": "1",
    "offsets.topic.replication.factor": "1",
    "offsets.topic.num.partitions": "4",
    "transaction.state.log.replication.factor": "1",
    "transaction.state.log.min.isr": "1",
    "transaction.state.log.num.partitions": "4",
    "share.coordinator.state.topic.replication.factor": "1",
    "share.coordinator.state.topic.min.isr": "1",
    "group.initial.rebalance.delay.ms": "0",
    "log.flush.interval.messages": "1000000",
    "log.retention.check.interval.ms": "300000",
    # A development broker, not an archive: the demo's and the benchmarks' topics are written
    # again and again (a worktree's broker once grew to 28 GB). Each partition keeps at most a
    # day and 1 GiB (closed 256 MiB segments are deleted past either); compacted changelogs
    # are cleaned as usual. `scripts/kafka.sh reset` deletes everything.
    "log.retention.hours": "24",
    "log.retention.bytes": str(1024 ** 3),
    "log.segment.bytes": str(256 * 1024 ** 2),
}

LOG4J2 = """status = warn
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = {log}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.state.name = state.change.logger
logger.state.level = WARN
"""


class BrokerError(RuntimeError):
    """The broker could not be fetched or started; the message says why."""


def cache_home() -> Path:
    return Path(os.environ.get("CONFLICT_WORKER_KAFKA_HOME",
                               Path.home() / ".cache" / "conflict-worker"))


def ensure_jars(cache_dir: Path | None = None) -> Path:
    """The folder of the broker's jars, resolved with Maven on first use."""
    libs = (cache_dir or cache_home() / f"kafka-{KAFKA_VERSION}") / "libs"
    marker = libs / ".complete"
    if marker.exists():
        return libs
    mvn = shutil.which("mvn")
    if mvn is None:
        raise BrokerError("Maven (mvn) is needed to fetch the Kafka jars; install it first")
    libs.mkdir(parents=True, exist_ok=True)
    command = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
               f"-DoutputDirectory={libs}", "-DincludeScope=runtime",
               f"-Dkafka.version={KAFKA_VERSION}"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BrokerError(f"resolving the Kafka jars failed:\n{done.stdout[-3000:]}"
                          f"{done.stderr[-3000:]}")
    if not any(libs.glob("kafka_2.13-*.jar")):
        raise BrokerError(f"no kafka_2.13 jar in {libs} after Maven ran")
    marker.write_text(KAFKA_VERSION)
    return libs


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LocalBroker:
    """One KRaft broker+controller on 127.0.0.1; a context manager too."""

    def __init__(self, port: int | None = None, data_dir: Path | None = None, *,
                 auto_create_topics: bool = True, heap: str = "512m") -> None:
        self.port = port or free_port()
        self.controller_port = free_port()
        self._own_dir = data_dir is None
        self.data_dir = data_dir or Path(tempfile.mkdtemp(prefix="kafka-kraft-"))
        self.auto_create_topics = auto_create_topics
        self.heap = heap
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def _write_config(self) -> Path:
        config = dict(BROKER_CONFIG)
        config.update({
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},"
                         f"CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "log.dirs": str(self.data_dir / "logs"),
            "auto.create.topics.enable": str(self.auto_create_topics).lower(),
        })
        path = self.data_dir / "server.properties"
        path.write_text("".join(f"{k}={v}\n" for k, v in config.items()))
        (self.data_dir / "log4j2.properties").write_text(LOG4J2.format(log=self.log_file))
        return path

    def _java(self, libs: Path, *args: str) -> list[str]:
        return ["java", f"-Xmx{self.heap}", "-Xms128m", "-XX:+UseG1GC",
                f"-Dlog4j2.configurationFile={self.data_dir / 'log4j2.properties'}",
                "-cp", f"{libs}/*", *args]

    def start(self, timeout: float = 60.0) -> None:
        libs = ensure_jars()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        config = self._write_config()
        if not (self.data_dir / "logs" / "meta.properties").exists():
            cluster = subprocess.run(self._java(libs, "kafka.tools.StorageTool", "random-uuid"),
                                     capture_output=True, text=True, check=True).stdout.split()
            formatted = subprocess.run(
                self._java(libs, "kafka.tools.StorageTool", "format", "-t", cluster[-1],
                           "-c", str(config)), capture_output=True, text=True, check=False)
            if formatted.returncode != 0:
                raise BrokerError(f"formatting the KRaft storage failed: {formatted.stderr}")
        stdout = (self.data_dir / "stdout.log").open("ab")
        self.process = subprocess.Popen(self._java(libs, "kafka.Kafka", str(config)),
                                        stdout=stdout, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise BrokerError(f"the broker exited with {self.process.returncode}:\n"
                                  f"{self.tail()}")
            if self.log_file.exists() and "Kafka Server started" in self.log_file.read_text(
                    errors="replace") and _accepts(self.port):
                return
            time.sleep(0.2)
        self.kill()
        raise BrokerError(f"the broker did not start within {timeout}s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        if not self.log_file.exists():
            return "(no log)"
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM, wait for a clean shutdown, SIGKILL as the last resort."""
        proc = self.process
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL, as a crash would (for fault tests)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self, timeout: float = 60.0) -> None:
        """Stop if running and start again on the same port and data."""
        self.stop()
        self.start(timeout)

    def cleanup(self) -> None:
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> LocalBroker:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.cleanup()


def _accepts(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1.0):
        return True
    return False


# --------------------------------------------------------------------------- CLI


def _state() -> dict[str, str]:
    path = STATE_DIR / "broker.state"
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m worker.devbroker")
    parser.add_argument("command", choices=["fetch", "start", "stop", "status", "reset"],
                        help="reset: stop the broker and delete its data (topics, offsets)")
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        if args.command == "fetch":
            print(ensure_jars())
            return 0
        state = _state()
        pid = int(state.get("pid", "0") or 0)
        alive = pid > 0 and _pid_alive(pid)
        if args.command == "status":
            print(f"running at {state['bootstrap']} (pid {pid})" if alive else "not running")
            return 0 if alive else 1
        if args.command in ("stop", "reset"):
            if alive:
                os.kill(pid, signal.SIGTERM)
                for _ in range(100):
                    if not _pid_alive(pid):
                        break
                    time.sleep(0.2)
                else:
                    os.kill(pid, signal.SIGKILL)
            (STATE_DIR / "broker.state").unlink(missing_ok=True)
            if args.command == "reset":
                data = Path(state.get("data_dir") or args.data_dir or STATE_DIR / "data")
                shutil.rmtree(data, ignore_errors=True)
                print(f"stopped; deleted {data}")
            else:
                print("stopped")
            return 0
        if alive:
            print(state["bootstrap"])
            return 0
        STATE_DIR.mkdir(exist_ok=True)
        broker = LocalBroker(args.port, args.data_dir or STATE_DIR / "data")
        broker.start()
        assert broker.process is not None
        (STATE_DIR / "broker.state").write_text(
            f"pid={broker.process.pid}\nbootstrap={broker.bootstrap}\n"
            f"data_dir={broker.data_dir}\n")
        print(broker.bootstrap)
        return 0
    except BrokerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
