//! # marsad-events
//!
//! PLOVER political events: type, mode, source, target, date, place, counts.
//! Adds the `events` layer of a [`marsad_doc::Doc`].

use marsad_doc::{Annotator, Doc};

/// The events annotator. Build it once and share it between threads.
#[derive(Debug, Default)]
pub struct EventAnnotator {}

impl EventAnnotator {
    pub fn new() -> Self {
        EventAnnotator {}
    }
}

impl Annotator for EventAnnotator {
    fn name(&self) -> &'static str {
        "events"
    }

    fn annotate(&self, _doc: &mut Doc) {}
}
