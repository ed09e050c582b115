//! # marsad-times
//!
//! Temporal expressions normalised to TIMEX3-style values against the article date.
//! Adds the `times` layer of a [`marsad_doc::Doc`].

use marsad_doc::{Annotator, Doc};

/// The times annotator. Build it once and share it between threads.
#[derive(Debug, Default)]
pub struct TimeAnnotator {}

impl TimeAnnotator {
    pub fn new() -> Self {
        TimeAnnotator {}
    }
}

impl Annotator for TimeAnnotator {
    fn name(&self) -> &'static str {
        "times"
    }

    fn annotate(&self, _doc: &mut Doc) {}
}

/// The date (TIMEX3 value) that governs the clause at code-point span
/// `start..end` of `doc`: the time expression of its clause or sentence, if
/// any, as found by this layer. `None` means "no explicit time": callers use
/// the article date (`doc.date`) instead.
pub fn date_for(_doc: &Doc, _start: usize, _end: usize) -> Option<String> {
    None
}
