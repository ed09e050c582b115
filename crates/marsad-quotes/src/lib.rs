//! # marsad-quotes
//!
//! Attributed statements: cue, speaker, content, kind.
//! Adds the `quotes` layer of a [`marsad_doc::Doc`].

use marsad_doc::{Annotator, Doc};

/// The quotes annotator. Build it once and share it between threads.
#[derive(Debug, Default)]
pub struct QuoteAnnotator {}

impl QuoteAnnotator {
    pub fn new() -> Self {
        QuoteAnnotator {}
    }
}

impl Annotator for QuoteAnnotator {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn annotate(&self, _doc: &mut Doc) {}
}
