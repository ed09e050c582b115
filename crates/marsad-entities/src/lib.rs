//! # marsad-entities
//!
//! Named entities and their canonical actors (PER ORG GPE LOC FAC MISC).
//! Adds the `entities` layer of a [`marsad_doc::Doc`].

use marsad_doc::{Annotator, Doc};

/// The entities annotator. Build it once and share it between threads.
#[derive(Debug, Default)]
pub struct EntityAnnotator {}

impl EntityAnnotator {
    pub fn new() -> Self {
        EntityAnnotator {}
    }
}

impl Annotator for EntityAnnotator {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn annotate(&self, _doc: &mut Doc) {}
}
