"""The real worker (`python -m worker run`) with faults injected into its extraction core, for
the fault tests: `python -m tests.integration.fault_worker`.

Articles whose id starts with ``boom-`` make the extractor raise (a bug for that article);
those starting with ``slow-`` make it block for FAULT_SLOW_SECONDS (30 by default), as an
article that takes the core that long would. Everything else is the production worker.
"""

from __future__ import annotations

import os
import sys
import time

import worker.app as app_module
from worker.models import Article, Event
from worker.pipeline import Pipeline
from worker.settings import Settings

_build_pipeline = app_module.build_pipeline


def faulty_pipeline(settings: Settings) -> Pipeline:
    pipeline = _build_pipeline(settings)
    extract = pipeline._extract
    slow_seconds = float(os.environ.get("FAULT_SLOW_SECONDS", "30"))

    def extract_with_faults(article: Article) -> list[Event]:
        if article.id.startswith("boom-"):
            raise RuntimeError(f"injected bug for {article.id}")
        if article.id.startswith("slow-"):
            time.sleep(slow_seconds)  # blocks the agent, as a pathological article would
        return extract(article)

    pipeline._extract = extract_with_faults
    return pipeline


if __name__ == "__main__":
    app_module.build_pipeline = faulty_pipeline  # type: ignore[assignment]
    from worker.cli import run_worker

    sys.exit(run_worker())
