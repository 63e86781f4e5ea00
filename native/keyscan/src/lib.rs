//! `worker.extract._keyscan.Automaton`: the keyword pass's Aho-Corasick automaton, with the
//! results of `ahocorasick.Automaton.iter` (pyahocorasick) for the same keys and values, made
//! several times faster (worker/extract/keyscan.py picks it, or pyahocorasick without it).
//!
//! `iter(text)` is the list of every match, overlapping ones included, each as (index of the
//! match's last character in `text`, the key's value), by end, and at one end longest first:
//! pyahocorasick's order, which the `aho-corasick` crate's overlapping search of a
//! `MatchKind::Standard` automaton shares (a state's matches are its own key, then its
//! failure state's, longest first). The crate reads UTF-8 bytes: for a text other than ASCII
//! the byte offsets are turned into character indices.

mod places;

use std::collections::HashMap;

use aho_corasick::automaton::Automaton as _;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyStringData, PyTuple};

#[pyclass(frozen, module = "worker.extract._keyscan")]
struct Automaton {
    /// (the crate's DFA itself, not an `AhoCorasick`: that one holds its automaton behind a
    /// trait object, so that its search made a dynamic call for each byte of a text)
    searcher: DFA,
    /// Each key's value, by the key's pattern id.
    values: Vec<PyObject>,
    /// A character no key holds: it stands for each lone surrogate of a text (which UTF-8
    /// cannot hold), so that the text keeps its length in characters and matches nothing more.
    stand_in: char,
}

#[pymethods]
impl Automaton {
    /// The automaton of `pairs` ((key, value), as `add_word`: a later value of a key replaces
    /// the earlier one, and an empty key is left out).
    #[new]
    fn new(pairs: Vec<(String, PyObject)>) -> PyResult<Self> {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut values: Vec<PyObject> = Vec::new();
        for (key, value) in pairs {
            if key.is_empty() {
                continue;
            }
            match ids.get(&key) {
                Some(&id) => values[id] = value,
                None => {
                    ids.insert(key.clone(), keys.len());
                    keys.push(key);
                    values.push(value);
                }
            }
        }
        // (a DFA: some MB for the shared automaton's keys, and the fastest search; no
        // prefilter: the shared automaton's keys open with a space, which a text's words
        // form has every few bytes, so that skipping ahead to the next one gains nothing)
        let searcher = DFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&keys)
            .map_err(|error| PyValueError::new_err(error.to_string()))?;
        let stand_in = (0xE000u32..)
            .filter_map(char::from_u32)
            .find(|&ch| !keys.iter().any(|key| key.contains(ch)))
            .unwrap_or('\u{FFFD}');
        Ok(Automaton {
            searcher,
            values,
            stand_in,
        })
    }

    /// Every match of the keys in `text`: (index of its last character, its value), in
    /// pyahocorasick's order.
    fn iter<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
        let py = text.py();
        let owned: String;
        let utf8: &str = match text.to_str() {
            Ok(borrowed) => borrowed, // (no copy: an ASCII str's own bytes, or its cached UTF-8)
            Err(_) => {
                owned = self.without_surrogates(text)?;
                &owned
            }
        };
        let bytes = utf8.as_bytes();
        let ascii = bytes.len() == text.len()?;
        let found = self.walk(bytes, ascii)?;
        self.listed(py, &found)
    }

    fn __len__(&self) -> usize {
        self.values.len()
    }
}

/// A new ASCII str of `size` characters, and its characters to fill in (the caller writes
/// each before the str is read).
///
/// SAFETY: the GIL is held; the slice lives as long as the str, which nothing else sees yet
unsafe fn new_ascii<'py>(
    py: Python<'py>,
    size: usize,
) -> PyResult<(Bound<'py, PyAny>, &'py mut [u8])> {
    let made = ffi::PyUnicode_New(size as ffi::Py_ssize_t, 127);
    if made.is_null() {
        return Err(PyErr::fetch(py));
    }
    let made = Bound::from_owned_ptr(py, made);
    let data = std::slice::from_raw_parts_mut(ffi::PyUnicode_1BYTE_DATA(made.as_ptr()), size);
    Ok((made, data))
}

/// `actors.matches` of an ASCII `text` worked out at once, the automaton's part of
/// `actors._matches_of`: (`text` lower-cased, its words form (`actors.words_of`: each
/// character other than a letter or a digit a space, one space more at each end), `iter` of
/// the words form), or None for a text other than ASCII (whose lowering `actors.lowered`
/// does). (One call, where the lowering, the words form's encoding, translation, decoding and
/// padding, and the search were six calls of Python's machinery and four strings made.)
#[pyfunction]
fn read_ascii<'py>(
    automaton: &Bound<'py, Automaton>,
    text: &Bound<'py, PyString>,
) -> PyResult<Option<Bound<'py, PyTuple>>> {
    let py = text.py();
    let source = text.as_ptr();
    // SAFETY: the GIL is held; `text` is a str (so ready, as every str of Python 3.11), read
    // while borrowed, and an ASCII one holds one byte a character
    unsafe {
        if ffi::PyUnicode_IS_ASCII(source) == 0 {
            return Ok(None);
        }
        let size = ffi::PyUnicode_GET_LENGTH(source) as usize;
        let bytes = std::slice::from_raw_parts(ffi::PyUnicode_1BYTE_DATA(source), size);
        let (low, low_data) = new_ascii(py, size)?;
        let (words, words_data) = new_ascii(py, size + 2)?;
        words_data[0] = b' ';
        words_data[size + 1] = b' ';
        // (each byte lowered, then a space unless a letter or a digit, as `actors._WORD_BYTES`
        // makes it: with no branch and no index checked, so that the compiler runs the loop
        // over many bytes at once, where a byte at a time it cost more than the search)
        let inner = &mut words_data[1..size + 1];
        for ((low, word), &byte) in low_data.iter_mut().zip(inner.iter_mut()).zip(bytes) {
            let lower = byte | (u8::from(byte.wrapping_sub(b'A') < 26) << 5);
            *low = lower;
            let kept = (lower.wrapping_sub(b'a') < 26) | (lower.wrapping_sub(b'0') < 10);
            *word = if kept { lower } else { b' ' };
        }
        let automaton = automaton.get();
        let found = automaton.walk(words_data, true)?;
        let listed = automaton.listed(py, &found)?;
        let read = ffi::PyTuple_New(3);
        if read.is_null() {
            return Err(PyErr::fetch(py));
        }
        // (each item's reference handed to the tuple)
        ffi::PyTuple_SET_ITEM(read, 0, low.into_ptr());
        ffi::PyTuple_SET_ITEM(read, 1, words.into_ptr());
        ffi::PyTuple_SET_ITEM(read, 2, listed.into_ptr());
        Ok(Some(
            Bound::from_owned_ptr(py, read).downcast_into_unchecked(),
        ))
    }
}

impl Automaton {
    /// Every match in `bytes` (a text in UTF-8; `ascii`: it is all ASCII) as (index of its last
    /// character, pattern id), in pyahocorasick's order. (Inlined into each caller: called,
    /// it cost `iter` some hundred instructions a text more than the loop written in it.)
    #[inline(always)]
    fn walk(&self, bytes: &[u8], ascii: bool) -> PyResult<Vec<(usize, usize)>> {
        // (room for a match every 8 bytes at once, more than a text's words form has: grown
        // from empty, the list was copied over several times a text)
        let mut found: Vec<(usize, usize)> = Vec::with_capacity(bytes.len() / 8 + 8);
        // (characters before byte `read`, counted as the ends rise)
        let (mut read, mut chars) = (0usize, 0usize);
        // (the overlapping search written out over the DFA's states: each byte one step, and
        // at a match state each of its matches, in the state's order, as the crate's
        // overlapping search reports them; no key is empty, so the start state matches none)
        let dfa = &self.searcher;
        let mut sid = dfa
            .start_state(Anchored::No)
            .map_err(|error| PyValueError::new_err(error.to_string()))?;
        for (at, &byte) in bytes.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, byte);
            if !dfa.is_special(sid) {
                continue;
            }
            if dfa.is_dead(sid) {
                break; // (never, unanchored: as the crate's search, it would stop here)
            }
            if !dfa.is_match(sid) {
                continue;
            }
            let end = at + 1;
            let last = if ascii {
                end - 1
            } else {
                chars += bytes[read..end]
                    .iter()
                    .filter(|&&b| b & 0xC0 != 0x80)
                    .count();
                read = end;
                chars - 1
            };
            for index in 0..dfa.match_len(sid) {
                found.push((last, dfa.match_pattern(sid, index).as_usize()));
            }
        }
        Ok(found)
    }

    /// `text` in UTF-8 with each lone surrogate as `stand_in`.
    fn without_surrogates(&self, text: &Bound<'_, PyString>) -> PyResult<String> {
        // SAFETY: the data is read while `text`, which holds it, is borrowed
        let data = unsafe { text.data()? };
        let units: Vec<u32> = match data {
            PyStringData::Ucs1(s) => s.iter().map(|&u| u32::from(u)).collect(),
            PyStringData::Ucs2(s) => s.iter().map(|&u| u32::from(u)).collect(),
            PyStringData::Ucs4(s) => s.to_vec(),
        };
        Ok(units
            .into_iter()
            .map(|u| char::from_u32(u).unwrap_or(self.stand_in))
            .collect())
    }

    /// The Python list of `found` ((last, pattern id) pairs) as (last, value) tuples.
    fn listed<'py>(
        &self,
        py: Python<'py>,
        found: &[(usize, usize)],
    ) -> PyResult<Bound<'py, PyList>> {
        pair_list(py, found, |id| {
            let value = self.values[id].as_ptr();
            // SAFETY: the GIL is held; the tuple takes the new reference
            unsafe { ffi::Py_INCREF(value) };
            value
        })
    }
}

/// The Python list of `pairs` as 2-tuples: each pair's first number as an int, then
/// `second` of its second number (a new reference, or null with a Python error set).
/// (The C API at first hand: one list of the right size, each tuple filled in place.)
pub(crate) fn pair_list<'py>(
    py: Python<'py>,
    pairs: &[(usize, usize)],
    second: impl Fn(usize) -> *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyList>> {
    unsafe {
        let list = ffi::PyList_New(pairs.len() as ffi::Py_ssize_t);
        if list.is_null() {
            return Err(PyErr::fetch(py));
        }
        let list = Bound::from_owned_ptr(py, list);
        for (i, &(first, other)) in pairs.iter().enumerate() {
            let tuple = ffi::PyTuple_New(2);
            if tuple.is_null() {
                return Err(PyErr::fetch(py));
            }
            ffi::PyList_SET_ITEM(list.as_ptr(), i as ffi::Py_ssize_t, tuple);
            let number = ffi::PyLong_FromSsize_t(first as ffi::Py_ssize_t);
            if number.is_null() {
                return Err(PyErr::fetch(py));
            }
            ffi::PyTuple_SET_ITEM(tuple, 0, number);
            let value = second(other);
            if value.is_null() {
                return Err(PyErr::fetch(py));
            }
            ffi::PyTuple_SET_ITEM(tuple, 1, value);
        }
        Ok(list.downcast_into_unchecked())
    }
}

#[pymodule]
fn _keyscan(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Automaton>()?;
    module.add_function(wrap_pyfunction!(read_ascii, module)?)?;
    module.add_function(wrap_pyfunction!(places::place_candidates, module)?)?;
    module.add_function(wrap_pyfunction!(places::ascii_holds, module)?)
}
