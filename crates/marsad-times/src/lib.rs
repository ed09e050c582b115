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
