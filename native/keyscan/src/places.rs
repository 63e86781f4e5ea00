//! `worker.extract._keyscan.place_candidates`: the place finder's scan for candidates (runs
//! of capitalised words) of a text read as bytes, `places._candidates_pure` of
//! worker/extract/places.py made in one call: there each byte of a candidate cost a compiled
//! call or two (the place finder's largest loop). An ASCII text is read as it is (each
//! capital letter a capital), not as `places._reading` writes it (each one "A"): the same
//! candidates, without the copy and the translation.

use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyStringData};

/// The bits of a byte's class in the table `kinds` (`places._KINDS`).
const WORD: u8 = 1;
const HYPHEN: u8 = 2;
const DOT: u8 = 4;
const SPACE: u8 = 8;
/// "al-" before a capital letter.
const AL: &[u8] = b"al-";

/// The scan's tables: the class bits of each byte and the small words inside names.
struct Scan<'a> {
    read: &'a [u8],
    kinds: &'a [u8],
    joiners: Vec<&'a [u8]>,
    joiner_longest: usize,
    al: bool,
}

impl Scan<'_> {
    fn kind(&self, at: usize) -> u8 {
        self.kinds[self.read[at] as usize]
    }

    /// Where a capital (`al`: "al-" and a capital) next starts from `pos` on
    /// (`places._next_start`).
    fn next_start(&self, al: bool, pos: usize) -> Option<usize> {
        let mut at = find(self.read, al, pos);
        while let Some(found) = at {
            if found > 0 && self.kind(found - 1) & (WORD | HYPHEN) != 0 {
                at = find(self.read, al, found + 1);
            } else {
                break;
            }
        }
        at
    }

    /// Where the run of bytes of the classes `kinds` from `at` ends (`places._run`).
    fn run(&self, mut at: usize, kinds: u8) -> usize {
        while at < self.read.len() && self.kind(at) & kinds != 0 {
            at += 1;
        }
        at
    }

    /// Where the white space from `at` ends (`places._spaces_end`).
    fn spaces_end(&self, at: usize) -> usize {
        self.run(at, SPACE)
    }

    /// The end of a capitalised word (or of "al-" and one) at `at` (`places._word_at`).
    fn word_at(&self, at: usize) -> Option<usize> {
        if at < self.read.len() && self.read[at].is_ascii_uppercase() {
            return Some(self.run(at + 1, WORD | HYPHEN));
        }
        if self.al && is_al(self.read, at) {
            return Some(self.run(at + 4, WORD | HYPHEN));
        }
        None
    }

    /// Where the words of a candidate whose first word ends at `at` end (`places._words_end`).
    fn words_end(&self, mut at: usize) -> usize {
        let size = self.read.len();
        loop {
            let space = self.spaces_end(at);
            if space == at {
                return at;
            }
            let mut joined = None;
            let mut small = space;
            let longest = space + self.joiner_longest;
            while small < size && small <= longest && self.read[small].is_ascii_lowercase() {
                small += 1;
            }
            if space < small
                && small <= longest
                && small < size
                && self.kind(small) & SPACE != 0
                && self.joiners.contains(&&self.read[space..small])
            {
                joined = self.word_at(self.spaces_end(small));
            }
            if joined.is_none() {
                joined = self.word_at(space);
            }
            match joined {
                Some(end) => at = end,
                None => return at,
            }
        }
    }
}

/// Whether "al-" and a capital letter start at `at`.
fn is_al(read: &[u8], at: usize) -> bool {
    at + 4 <= read.len() && read[at..].starts_with(AL) && read[at + 3].is_ascii_uppercase()
}

/// Where a capital letter (`al`: "al-" and one) first starts in `read` from `pos` on.
fn find(read: &[u8], al: bool, pos: usize) -> Option<usize> {
    if pos >= read.len() {
        return None;
    }
    if !al {
        return first_capital(read, pos);
    }
    // by its hyphen, a rarer byte than its "a", found by memchr: the first "al-" and a capital
    // from `pos` on is at the first such hyphen two bytes after `pos` or later
    let mut from = pos + 2;
    while from < read.len() {
        let hyphen = from + memchr::memchr(b'-', &read[from..])?;
        if is_al(read, hyphen - 2) {
            return Some(hyphen - 2);
        }
        from = hyphen + 1;
    }
    None
}

/// Where the first capital letter (A-Z) of `read` from `pos` on is. Eight bytes are tested
/// at a time, as one number (a byte loop costs a compare and a branch a byte, and most
/// bytes of a text are no capital): a byte below 0x80 is a capital where adding 0x3F to it
/// sets its high bit (0x41 or more) and adding 0x25 does not (below 0x5B); no sum carries
/// into the next byte, its high bit cleared first. The bytes left over are read one by one.
fn first_capital(read: &[u8], pos: usize) -> Option<usize> {
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const FROM_A: u64 = 0x3F3F_3F3F_3F3F_3F3F; // 0x80 - b'A'
    const PAST_Z: u64 = 0x2525_2525_2525_2525; // 0x80 - (b'Z' + 1)
    let mut at = pos;
    while at + 8 <= read.len() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&read[at..at + 8]);
        let word = u64::from_le_bytes(eight);
        let low = word & LOWS;
        let capitals = (low + FROM_A) & !(low + PAST_Z) & !word & HIGHS;
        if capitals != 0 {
            return Some(at + (capitals.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    read[at..]
        .iter()
        .position(|b| b.is_ascii_uppercase())
        .map(|found| found + at)
}

/// A text of characters outside ASCII read as bytes, one a character (`places._reading`,
/// its capitals left as they are): each such character the byte `stand_in` (a Python
/// callable, `places._stand_in_of`) gives for its code, asked once per character of the
/// text (a few distinct ones in a text: quotes, dashes, accented letters), where
/// `places._reading` found, read and wrote each of them with a Python call or two.
fn reading<T: Copy + Into<u32>>(units: &[T], stand_in: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    // each character as its own byte, those outside ASCII first as 0x80 (a loop without a
    // branch, made a vector loop), then each of those (found by memchr) as its stand-in
    let mut read: Vec<u8> = units
        .iter()
        .map(|&unit| unit.into().min(0x80) as u8)
        .collect();
    let mut known: Vec<(u32, u8)> = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr(0x80, &read[from..]) {
        let at = from + found;
        let code: u32 = units[at].into();
        read[at] = match known.iter().find(|(other, _)| *other == code) {
            Some(&(_, byte)) => byte,
            None => {
                let byte: u8 = stand_in.call1((code,))?.extract()?;
                if byte >= 0x80 {
                    return Err(PyValueError::new_err("a stand-in must be an ASCII byte"));
                }
                known.push((code, byte));
                byte
            }
        };
        from = at + 1;
    }
    Ok(read)
}

/// The start and the end of every candidate, after each other in one flat list, of the text
/// `text` (bytes: `places._reading` of it; a str: an ASCII text as it is, any other read as
/// `reading` reads it with `stand_in`), as `places._candidates_pure` finds them (in pairs):
/// `kinds` the class bits of each byte (`places._KINDS`), `joiners` the small words inside
/// names, apart by spaces.
#[pyfunction]
#[pyo3(signature = (text, kinds, joiners, stand_in=None))]
pub fn place_candidates<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    kinds: &[u8],
    joiners: &[u8],
    stand_in: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    if kinds.len() != 256 {
        return Err(PyValueError::new_err("kinds: a table of 256 bytes"));
    }
    let owned: Vec<u8>;
    let read: &[u8] = if let Ok(bytes) = text.downcast::<PyBytes>() {
        bytes.as_bytes()
    } else {
        let string = text.downcast::<PyString>()?;
        // SAFETY: the data is read while `text`, which holds it, is borrowed
        let data = unsafe { string.data()? };
        match (data, stand_in) {
            // (an ASCII str's own bytes, no copy)
            (PyStringData::Ucs1(bytes), _) if bytes.is_ascii() => bytes,
            (_, None) => {
                return Err(PyValueError::new_err(
                    "a str outside ASCII is read with a stand_in",
                ))
            }
            (PyStringData::Ucs1(units), Some(stand_in)) => {
                owned = reading(units, stand_in)?;
                &owned
            }
            (PyStringData::Ucs2(units), Some(stand_in)) => {
                owned = reading(units, stand_in)?;
                &owned
            }
            (PyStringData::Ucs4(units), Some(stand_in)) => {
                owned = reading(units, stand_in)?;
                &owned
            }
        }
    };
    let joiners: Vec<&[u8]> = joiners
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .collect();
    let joiner_longest = joiners.iter().map(|w| w.len()).max().unwrap_or(0);
    let al = find(read, true, 0).is_some();
    let scan = Scan {
        read,
        kinds,
        joiners,
        joiner_longest,
        al,
    };
    // (start and end of each candidate, after each other; room for a candidate every 16
    // bytes, about what news text holds: few regrowths)
    let mut out: Vec<usize> = Vec::with_capacity(read.len() / 8 + 2);
    let mut capital = scan.next_start(false, 0);
    let mut al_start = if al { scan.next_start(true, 0) } else { None };
    while capital.is_some() || al_start.is_some() {
        let (start, end) = match (capital, al_start) {
            (Some(c), a) if a.map_or(true, |a| c < a) => {
                (c, scan.words_end(scan.run(c + 1, WORD | HYPHEN | DOT)))
            }
            (_, Some(a)) => (a, scan.words_end(scan.run(a + 4, WORD | HYPHEN))),
            _ => unreachable!(),
        };
        out.push(start);
        out.push(end);
        if matches!(capital, Some(c) if c < end) {
            capital = scan.next_start(false, end);
        }
        if matches!(al_start, Some(a) if a < end) {
            al_start = scan.next_start(true, end);
        }
    }
    // a flat list: no tuple made (and freed) per candidate. (The C API at first hand: one
    // list of the right size, filled in place.)
    // SAFETY: the GIL is held; each item is set once, to a new reference
    unsafe {
        let list = ffi::PyList_New(out.len() as ffi::Py_ssize_t);
        if list.is_null() {
            return Err(PyErr::fetch(py));
        }
        let list = Bound::from_owned_ptr(py, list);
        for (at, &bound) in out.iter().enumerate() {
            let number = ffi::PyLong_FromSsize_t(bound as ffi::Py_ssize_t);
            if number.is_null() {
                return Err(PyErr::fetch(py));
            }
            ffi::PyList_SET_ITEM(list.as_ptr(), at as ffi::Py_ssize_t, number);
        }
        Ok(list.downcast_into_unchecked())
    }
}

/// Whether the str `text`, of one byte a character (ASCII or Latin-1), holds the characters
/// of the bytes `needle` (`needle.decode("latin-1") in text`): memchr's search, a vector loop,
/// where Python's own search of a few KB costs thousands of instructions (the place finder's
/// `"SMM" in text`, once a text).
#[pyfunction]
pub fn ascii_holds(text: &Bound<'_, PyString>, needle: &[u8]) -> PyResult<bool> {
    // SAFETY: the data is read while `text`, which holds it, is borrowed
    match unsafe { text.data()? } {
        PyStringData::Ucs1(bytes) => Ok(memchr::memmem::find(bytes, needle).is_some()),
        _ => Err(PyValueError::new_err("text: a str of one byte a character")),
    }
}
