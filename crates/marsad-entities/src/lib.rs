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

/// What the knowledge base knows about an actor: enough for the quote and
/// event layers to fill `actor`, `country` and `sector` fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorInfo {
    /// Canonical id (stable across releases), or a document-local id `local:…`.
    pub id: String,
    /// Canonical Arabic name.
    pub name: String,
    pub entity_type: marsad_doc::EntityType,
    /// ISO 3166 alpha-3, or a CAMEO-style IGO/INT code.
    pub country: Option<String>,
    /// CAMEO/PLOVER sector code (GOV, MIL, REB, …).
    pub sector: Option<String>,
}

/// A canonical actor by id.
pub fn actor(_id: &str) -> Option<ActorInfo> {
    None
}

/// The country actor named by a nationality adjective or demonym, given in
/// normalised form, with or without the article and proclitics
/// (الأميركية، أميركي، العراقيين، إيرانيين → USA, IRQ, IRN).
pub fn nationality(_word_norm: &str) -> Option<ActorInfo> {
    None
}

/// Resolve a description (tokens `first..last` of `doc`), such as
/// "القوات الأميركية" (USA, MIL), "قوات الأمن" (sector SEC/MIL, country from
/// context) or "محتجين إيرانيين" (IRN, CVL), to an actor.
pub fn describe(_doc: &Doc, _first: usize, _last: usize) -> Option<ActorInfo> {
    None
}
