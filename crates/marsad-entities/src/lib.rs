//! # marsad-entities
//!
//! Named entities and their canonical actors (PER ORG GPE LOC FAC MISC).
//! Adds the `entities` layer of a [`marsad_doc::Doc`].
//!
//! How mentions are found, in order of priority at each token:
//! 1. the actor knowledge base (data/actors): longest match of normalised
//!    token n-grams, proclitics allowed on the first token (the span starts
//!    after them); capitals stand for their country (metonymy);
//! 2. institution templates (data/actors/institutions.tsv): "وزارة الدفاع
//!    الأميركية" → `usa-mod`; a bare "وزارة الدفاع" takes its country from the
//!    sentence (or the article);
//! 3. short forms of names seen earlier in the article (سينغ after سابرينا
//!    سينغ; اللجنة العسكرية after اللجنة العسكرية العليا المشتركة);
//! 4. known multi-word names with one token misspelt (one edit);
//! 5. context rules for unknown names: titles (الرئيس، المتحدث باسم…),
//!    first names, organisation heads (جماعة، حركة، منظمة…);
//! 6. the statistical tagger (averaged perceptron, see `tagger`), for what
//!    the rules missed.
//!
//! Guards against ordinary words (round 2): a frequent news word
//! (data/text/word_freq.tsv) loses a proclitic only when the clitic segmenter
//! splits it (كبيرا is not ك + بيرا); a one-word GeoNames town that is a
//! frequent word needs a place context (إلى الخبر, not وأكد الخبر); the
//! tagger's one-word places with the article must not be frequent words
//! (البلاد، الشمال). Rules added in round 2: settlement heads
//! (data/ner/settlement_heads.tsv: بلدتي الخيام وكفركلا → two GPEs without
//! the head), definite organisation heads (data/ner/org_heads_definite.txt:
//! الاتحاد العام التونسي للشغل) and ل complements closing organisation names
//! (وكالة السودان للأنباء، الاتحاد العام لنقابات العمال), first names ending
//! the tagger's organisation spans, joiners in long names (محمد بن راشد آل
//! مكتوم), X الدين compound first names (data/ner/compound_name_heads.txt).
//! Unknown entities get a document-local id `local:<normalised name>`.
//! Nationality adjectives are not entities; they are exposed through
//! [`nationality`] and [`describe`] for the quote and event layers.

pub mod kb;
pub mod tagger;
pub use kb::{actor_names, countries, CountryForms};

use kb::{for_each_proclitic_variant, kb, lexf, norm_name, proclitic_variants, Kb, Lex};
use marsad_doc::{ActorRef, Annotator, Doc, Entity, EntityType};
use marsad_text::clitic::{ARTICLE, FUSED_ARTICLE};
use marsad_text::TokenKind;
use kb::{HashMap, WordSet};
use std::cell::Cell;

/// One proclitic reading of a word (see [`proclitic_variants`]) and what
/// the word tables know about it.
struct Var {
    skip: usize,
    form: Box<str>,
    lex: Lex,
}

/// What the rules look up about one normalised word: its word-table entry,
/// the union of the flags of its readings, and where its readings are in
/// [`WordMemo::vars`].
#[derive(Clone, Copy)]
struct WordInfo {
    lex: Lex,
    any: u32,
    vars: (u32, u32),
    /// The word introduces a person's name (see [`introduces_name`]).
    introduces_name: bool,
}

/// Per-thread memo of [`WordInfo`] by normalised word.
///
/// News repeats its words: the 200 k tokens of the benchmark sample are
/// about 32 k distinct normalised words. Computing a token's readings costs
/// a hash probe per reading, the proclitic analysis and a string per
/// reading; with the memo a repeated word costs an index (its word id, see
/// `marsad_text::vocab`). The memo depends
/// only on the knowledge base (one per process), so it lives as long as its
/// thread; it is emptied when it grows past [`WordMemo::MAX_WORDS`]. Its
/// word table starts empty: it serves only tokens without word ids (the
/// tests'); a document's tokens all have them.
#[derive(Default)]
struct WordMemo {
    /// Memo ids of the words of tokens without a word id (see `by_vocab`).
    ids: marsad_text::WordTable<u32>,
    /// Memo ids by the text layer's word ids: a repeated word costs an
    /// index, not a probe of `ids` (see `marsad_text::vocab`).
    by_vocab: marsad_text::vocab::TypeIds,
    info: Vec<WordInfo>,
    vars: Vec<Var>,
}

impl WordMemo {
    const MAX_WORDS: usize = 100_000;

    /// The memo ids of the words of every token.
    ///
    /// The words first seen here are added together ([`WordMemo::add_all`]);
    /// a word of a token with a word id is added without the word table:
    /// its id finds it from now on (a word is added again only under a
    /// later vocabulary).
    fn ids_of(&mut self, kb: &Kb, tokens: &marsad_text::Tokens) -> Vec<u32> {
        if tokens.vocabulary() == 0 {
            // tokens without word ids (they have them all or none): the word table
            return (0..tokens.len()).map(|i| self.id(kb, tokens.norm(i))).collect();
        }
        let mut fresh: Vec<&str> = Vec::new();
        let word = (0..tokens.len())
            .map(|i| {
                if let Some(id) = self.by_vocab.get(tokens, i) {
                    return id;
                }
                fresh.push(tokens.norm(i));
                // (the id it will have once added)
                let id = (self.info.len() + fresh.len() - 1) as u32;
                self.by_vocab.set(tokens, i, id);
                id
            })
            .collect();
        self.add_all(kb, &fresh);
        word
    }
    /// The memo id of the normalised word `w`, computed on first sight.
    fn id(&mut self, kb: &Kb, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.add(kb, w);
        // (one probe to insert: the table's `insert` would look the word up again)
        self.ids.get_or_insert_with(w, || id);
        id
    }
    /// Works out the [`WordInfo`] of `w` and gives it the next memo id.
    fn add(&mut self, kb: &Kb, w: &str) -> u32 {
        let id = self.info.len() as u32;
        self.add_all(kb, &[w]);
        id
    }
    /// [`WordMemo::add`] for several words, in order.
    ///
    /// Why together: a new word's look-ups in the word table (the word and
    /// its proclitic readings) are most of its cost, and mostly cache
    /// misses. Made in one loop of look-ups alone, several misses are in
    /// flight at once; made word by word, between the building of records,
    /// they are mostly waited for one at a time.
    fn add_all(&mut self, kb: &Kb, words: &[&str]) {
        let mut forms: Vec<(usize, std::borrow::Cow<str>)> = Vec::with_capacity(words.len() * 2);
        let mut ends = Vec::with_capacity(words.len());
        for w in words {
            for_each_proclitic_variant(w, |skip, form| forms.push((skip, form)));
            ends.push(forms.len());
        }
        let lexes: Vec<Lex> = forms.iter().map(|(_, form)| kb.lex(form)).collect();
        let mut at = 0;
        for (w, end) in words.iter().zip(ends) {
            // (the first reading is the word itself)
            let lex = lexes[at];
            let start = self.vars.len() as u32;
            let mut any = 0;
            for ((skip, form), vl) in forms[at..end].iter_mut().zip(&lexes[at..end]) {
                any |= vl.flags;
                self.vars.push(Var { skip: *skip, form: std::mem::take(form).into_owned().into_boxed_str(), lex: *vl });
            }
            at = end;
            let introduces_name = lex.has(lexf::NAME_INTRODUCER) || w.strip_prefix('و').is_some_and(|rest| kb.name_introducers.contains(rest));
            self.info.push(WordInfo { lex, any, vars: (start, self.vars.len() as u32), introduces_name });
        }
    }
}

thread_local! {
    /// This thread's [`WordMemo`], lent to one [`Cx`] at a time.
    static WORD_MEMO: Cell<Option<WordMemo>> = const { Cell::new(None) };
}

/// Per-document look-up cache: every token's word-table entry and
/// proclitic readings (from the per-thread [`WordMemo`]), and a memo of the
/// clitic segmenter's verdicts.
///
/// `any[i]` is the union of the `Lex` flags of all readings of token `i`:
/// the pre-filter of the rules. Most tokens are ordinary words that start
/// no name, so every rule whose first word needs a flag (a first token of a
/// known name, a title, an organisation head…) is skipped with one test
/// instead of a scan of the readings or a hash look-up.
struct Cx<'a> {
    kb: &'a Kb,
    doc: &'a Doc,
    lex: Vec<Lex>,
    any: Vec<u32>,
    /// Memo id of each token's normalised word.
    word: Vec<u32>,
    /// Borrowed from `WORD_MEMO` for the document (given back on drop).
    memo: WordMemo,
    /// Segmenter memo per token: 0 = not computed; else 0x80 | proclitics (0..15) | 0x10 if an article.
    seg: Vec<Cell<u8>>,
}

thread_local! {
    /// Segmenter verdicts on the words seen by this thread (see [`Cx::seg_info`]).
    static SEG_CACHE: std::cell::RefCell<marsad_text::WordTable<u8>> = std::cell::RefCell::new(marsad_text::WordTable::default());
}

/// The clitic segmenter's verdict on an original word: 0x80 | proclitics | 0x10 if an article.
fn seg_info_of(word: &str) -> u8 {
    SEG_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(&v) = c.get(word) {
            return v;
        }
        let seg = marsad_text::segment_word(word);
        let p = seg.segments.iter().filter(|s| s.kind == marsad_text::SegmentKind::Proclitic).count().min(15) as u8;
        let a = seg.segments.iter().any(|s| s.kind == marsad_text::SegmentKind::Article);
        let v = 0x80 | p | if a { 0x10 } else { 0 };
        if c.len() >= 100_000 {
            c.clear();
        }
        c.insert(word, v);
        v
    })
}

impl Drop for Cx<'_> {
    fn drop(&mut self) {
        let memo = std::mem::take(&mut self.memo);
        let _ = WORD_MEMO.try_with(|m| m.set(Some(memo)));
    }
}

impl<'a> Cx<'a> {
    #[inline(never)]
    fn new(kb: &'a Kb, doc: &'a Doc) -> Self {
        let n = doc.tokens.len();
        let memo = WORD_MEMO.try_with(Cell::take).ok().flatten();
        let mut memo = memo.filter(|m| m.info.len() < WordMemo::MAX_WORDS).unwrap_or_default();
        // (collected from exact-size iterators: no capacity test per push)
        let word = memo.ids_of(kb, &doc.tokens);
        let lex = word.iter().map(|&id| memo.info[id as usize].lex).collect();
        let any = word.iter().map(|&id| memo.info[id as usize].any).collect();
        Cx { kb, doc, lex, any, word, memo, seg: vec![Cell::new(0); n] }
    }
    /// Some reading of token `i` has one of the flags `f` (see `any`).
    #[inline]
    fn any(&self, i: usize, f: u32) -> bool {
        self.any[i] & f != 0
    }
    #[inline]
    fn vars(&self, i: usize) -> &[Var] {
        let (a, b) = self.memo.info[self.word[i] as usize].vars;
        &self.memo.vars[a as usize..b as usize]
    }
    #[inline]
    fn norm(&self, i: usize) -> &'a str {
        self.doc.tokens.norm(i)
    }
    /// `kb.demonym(norm(i))`: the first proclitic reading that is a demonym.
    fn demonym(&self, i: usize) -> Option<usize> {
        if !self.any(i, lexf::DEMONYM) {
            return None;
        }
        self.vars(i).iter().find_map(|v| v.lex.demonym())
    }
    fn seg_info(&self, i: usize) -> u8 {
        let c = self.seg[i].get();
        if c != 0 {
            return c;
        }
        let v = seg_info_of(self.doc.tokens.text(self.doc.text(), i));
        self.seg[i].set(v);
        v
    }
    /// Proclitics the clitic segmenter splits off token `i`.
    fn proclitics(&self, i: usize) -> usize {
        (self.seg_info(i) & 0x0f) as usize
    }
}

/// The entities annotator. Build it once and share it between threads.
#[derive(Debug, Default)]
pub struct EntityAnnotator {
    use_model: bool,
}

impl EntityAnnotator {
    pub fn new() -> Self {
        let _ = kb();
        let use_model = tagger::has_model();
        EntityAnnotator { use_model }
    }
    /// Without the statistical tagger (rules and gazetteer only).
    pub fn rules_only() -> Self {
        let _ = kb();
        EntityAnnotator { use_model: false }
    }
}

/// A candidate mention: tokens `first..last`, letters to skip at the start
/// of the first token (proclitics), type and actor.
#[derive(Debug, Clone)]
struct Cand {
    first: usize,
    last: usize,
    skip: usize,
    etype: EntityType,
    actor: ActorId,
    source: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ActorId {
    Kb(usize),
    /// Institution template resolved to a country: (institution, country actor).
    Inst(usize, usize),
    Local(String),
}

impl Annotator for EntityAnnotator {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn annotate(&self, doc: &mut Doc) {
        let kb = kb();
        let cands = find(kb, doc, self.use_model);
        let mut entities = Vec::with_capacity(cands.len());
        let mut refs: Vec<ActorRef> = Vec::new();
        for c in cands {
            let tok = &doc.tokens[c.first];
            let start = tok.start as usize + skip_chars(doc.tokens.text(doc.text(), c.first), c.skip);
            let end = doc.tokens[c.last - 1].end as usize;
            let span = doc.span(start, end);
            if span.text.is_empty() {
                continue;
            }
            // The entity's fields are cloned straight from the knowledge base,
            // and an actor reference is built only the first time its actor
            // appears (`Doc::add_actor` would drop the repeats anyway).
            let (actor, country, sector) = match &c.actor {
                &ActorId::Kb(i) => {
                    let a = &kb.actors[i];
                    if !refs.iter().any(|r| r.id == a.id) {
                        refs.push(kb_actor_ref(kb, i));
                    }
                    (Some(a.id.clone()), a.country.clone(), a.sector.clone())
                }
                &ActorId::Inst(inst, co) => {
                    let info = actor_info(kb, &c.actor);
                    if !refs.iter().any(|r| r.id == info.id) {
                        refs.push(inst_actor_ref(kb, inst, co, &info));
                    }
                    (Some(info.id), info.country, info.sector)
                }
                ActorId::Local(s) => (Some(format!("local:{s}")), None, None),
            };
            entities.push(Entity {
                start: span.start,
                end: span.end,
                text: span.text,
                entity_type: c.etype,
                actor,
                country,
                sector,
                source: Some(c.source.to_string()),
            });
        }
        doc.entities = entities;
        for r in refs {
            doc.add_actor(r);
        }
    }
}

/// Code points covering the first `letters` letters of `word` (marks that
/// normalisation removes are skipped along).
fn skip_chars(word: &str, letters: usize) -> usize {
    if letters == 0 {
        return 0;
    }
    let mut seen = 0;
    let mut chars = 0;
    for c in word.chars() {
        let counts = !(marsad_text::chars::is_arabic_mark(c)
            || c == marsad_text::chars::TATWEEL
            || marsad_text::chars::is_invisible_control(c));
        if counts {
            if seen == letters {
                break;
            }
            seen += 1;
        }
        chars += 1;
    }
    chars
}

fn actor_info(kb: &Kb, id: &ActorId) -> ActorInfo {
    match id {
        ActorId::Kb(i) => info_of(kb, *i),
        ActorId::Inst(inst, country) => {
            let ins = &kb.institutions[*inst];
            let c = &kb.actors[*country];
            ActorInfo {
                id: format!("{}-{}", c.id, ins.suffix),
                name: String::new(),
                entity_type: ins.etype,
                country: c.country.clone(),
                sector: Some(ins.sector.clone()),
            }
        }
        ActorId::Local(s) => ActorInfo {
            id: format!("local:{s}"),
            name: s.clone(),
            entity_type: EntityType::MISC,
            country: None,
            sector: None,
        },
    }
}

fn info_of(kb: &Kb, i: usize) -> ActorInfo {
    let a = &kb.actors[i];
    ActorInfo {
        id: a.id.clone(),
        name: a.name.clone(),
        entity_type: a.etype,
        country: a.country.clone(),
        sector: a.sector.clone(),
    }
}

/// The actor reference of a knowledge-base actor.
fn kb_actor_ref(kb: &Kb, i: usize) -> ActorRef {
    let a = &kb.actors[i];
    ActorRef {
        id: a.id.clone(),
        name: a.name.clone(),
        actor_type: a.etype.as_str().to_string(),
        name_en: (!a.name_en.is_empty()).then(|| a.name_en.clone()),
        country: a.country.clone(),
        sector: a.sector.clone(),
        wikidata: a.wikidata.clone(),
    }
}

/// The actor reference of institution `inst` of country actor `c`, given its [`actor_info`].
fn inst_actor_ref(kb: &Kb, inst: usize, c: usize, info: &ActorInfo) -> ActorRef {
    let ins = &kb.institutions[inst];
    let ca = &kb.actors[c];
    ActorRef {
        id: info.id.clone(),
        name: info.name.clone(),
        actor_type: ins.etype.as_str().to_string(),
        name_en: Some(format!("{} ({})", ins.name_en, ca.name_en)),
        country: ca.country.clone(),
        sector: Some(ins.sector.clone()),
        wikidata: None,
    }
}

fn is_word(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i).map(|t| t.kind == TokenKind::Word).unwrap_or(false)
}

/// May `skip` proclitic letters be stripped off token `i`? Always for rare
/// words (foreign names: وبلغراد); a frequent news word (كبيرا، والي) only
/// when the clitic segmenter itself splits that many proclitics off.
fn strip_allowed(cx: &Cx, i: usize, skip: usize) -> bool {
    if skip == 0 || !cx.lex[i].has(lexf::FREQUENT_CLITIC_LIKE) {
        return true;
    }
    cx.proclitics(i) >= skip
}

/// Longest knowledge-base name starting at token `i` (tokens must lie in `..end`).
/// (The pre-filter is inlined into the callers, the search is not: most
/// tokens start no name.)
#[inline]
fn match_kb(cx: &Cx, i: usize, end: usize) -> Option<(usize, usize, usize)> {
    // (the first word of every name has FIRST_TOKEN)
    if i >= end || !cx.any(i, lexf::FIRST_TOKEN) {
        return None;
    }
    match_kb_search(cx, i, end)
}

#[inline(never)]
fn match_kb_search(cx: &Cx, i: usize, end: usize) -> Option<(usize, usize, usize)> {
    let kb = cx.kb;
    let max = kb.max_name_tokens.min(end - i);
    if max == 0 {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (len, skip, actor)
    for v in cx.vars(i) {
        // (the root's children are the first tokens of all names)
        let Some(mut node) = kb.trie_next(0, v.lex.word) else { continue };
        if !strip_allowed(cx, i, v.skip) {
            continue;
        }
        let mut last: Option<(usize, usize)> = None;
        let a = kb.trie_actor[node as usize];
        if a != u32::MAX {
            last = Some((1, a as usize));
        }
        for n in 2..=max {
            if !is_word(cx.doc, i + n - 1) {
                break;
            }
            match kb.trie_next(node, cx.lex[i + n - 1].word) {
                Some(x) => node = x,
                None => break,
            }
            let a = kb.trie_actor[node as usize];
            if a != u32::MAX {
                last = Some((n, a as usize));
            }
        }
        if let Some((n, a)) = last {
            if best.map(|b| n > b.0).unwrap_or(true) {
                best = Some((n, v.skip, a));
            }
        }
    }
    best
}

/// Institution head at `i` (+ a demonym adjective): (len, skip, inst, country actor or None).
/// (The pre-filter is inlined into the callers, the search is not.)
#[inline]
fn match_inst(cx: &Cx, i: usize, end: usize, buf: &mut String) -> Option<(usize, usize, usize, Option<usize>)> {
    if i >= end || !cx.any(i, lexf::INST_FIRST) {
        return None;
    }
    match_inst_search(cx, i, end, buf)
}

#[inline(never)]
fn match_inst_search(cx: &Cx, i: usize, end: usize, buf: &mut String) -> Option<(usize, usize, usize, Option<usize>)> {
    let (kb, doc) = (cx.kb, cx.doc);
    for var in cx.vars(i) {
        let skip = var.skip;
        if !var.lex.has(lexf::INST_FIRST) || !strip_allowed(cx, i, skip) {
            continue;
        }
        buf.clear();
        buf.push_str(&var.form);
        let mut found = None;
        for n in 1..=3.min(end - i) {
            if n > 1 {
                if !is_word(doc, i + n - 1) {
                    break;
                }
                buf.push(' ');
                buf.push_str(doc.tokens.norm(i + n - 1));
            }
            if let Some(&inst) = kb.inst_heads.get(buf.as_str()) {
                found = Some((n, inst));
            }
        }
        if let Some((n, inst)) = found {
            let adj = (i + n < end && is_word(doc, i + n)).then(|| cx.lex[i + n].demonym()).flatten();
            // the adjective must agree with an article-defined head (الجيش العراقي)
            return Some(match adj {
                Some(c) if doc.tokens.norm(i + n).starts_with(ARTICLE) => (n + 1, skip, inst, Some(c)),
                _ => (n, skip, inst, None),
            });
        }
    }
    None
}

/// One edit (substitution, insertion or deletion) between two short words,
/// counted in characters (compared in place: no character vectors).
#[cfg(test)]
fn within_one_edit(a: &str, b: &str) -> bool {
    within_one_edit_counted(a, a.chars().count(), b, b.chars().count())
}

/// [`within_one_edit`] given the lengths in characters `la` and `lb`.
fn within_one_edit_counted(a: &str, la: usize, b: &str, lb: usize) -> bool {
    if a == b {
        return false;
    }
    if la.abs_diff(lb) > 1 {
        return false;
    }
    // the first differing character (the common prefix has the same bytes in both)
    let at = a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map(|((k, _), _)| k).unwrap_or(a.len().min(b.len()));
    let (ra, rb) = (&a[at..], &b[at..]);
    // the rest after the differing character
    fn tail(r: &str) -> &str {
        r.chars().next().map(|c| &r[c.len_utf8()..]).unwrap_or("")
    }
    if la == lb {
        tail(ra) == tail(rb)
    } else if la > lb {
        tail(ra) == rb
    } else {
        ra == tail(rb)
    }
}

/// A known multi-word name with one token misspelt (الولاات المتحدة).
/// (The pre-filter is inlined into the caller, the search is not.)
#[inline]
fn match_fuzzy(cx: &Cx, i: usize, end: usize) -> Option<(usize, usize, usize)> {
    // a key starts with a reading of this word, or with the wildcard and the next word
    let next_in = i + 1 < end && cx.lex[i + 1].has(lexf::FUZZY_AFTER_WILDCARD);
    if i >= end || (!next_in && !cx.any(i, lexf::FUZZY_FIRST)) {
        return None;
    }
    match_fuzzy_search(cx, i, end)
}

#[inline(never)]
fn match_fuzzy_search(cx: &Cx, i: usize, end: usize) -> Option<(usize, usize, usize)> {
    let (kb, doc) = (cx.kb, cx.doc);
    let max = kb.max_name_tokens.min(end - i).min(kb::FUZZY_MAX_TOKENS);
    let mut best = None;
    for var in cx.vars(i).iter().take(3) {
        let (skip, v) = (var.skip, &var.form);
        // (asked only when a key matches: it may run the clitic segmenter)
        let allowed = std::cell::OnceCell::new();
        // (every word of a key but the wildcard belongs to a multi-word name)
        let in_names = |j: usize| if j == 0 { var.lex.has(lexf::NAME_TOKEN) } else { cx.lex[i + j].has(lexf::NAME_TOKEN) };
        // (words outside the names so far, and where the last one is: a key
        // has at most one, and then the wildcard stands there)
        let mut outside = 0;
        let mut outside_at = 0;
        for n in 2..=max {
            // (the words before `n - 1` were checked for the shorter keys)
            if (n == 2 && !is_word(doc, i)) || !is_word(doc, i + n - 1) {
                break;
            }
            if n == 2 && !in_names(0) {
                outside = 1;
                outside_at = 0;
            }
            if !in_names(n - 1) {
                outside += 1;
                outside_at = n - 1;
            }
            if outside >= 2 {
                break;
            }
            let wildcards = if outside == 1 { outside_at..outside_at + 1 } else { 0..n };
            for k in wildcards {
                // (a key with the wildcard first goes on with a word flagged
                // FUZZY_AFTER_WILDCARD; any other starts with one flagged FUZZY_FIRST)
                let possible = if k == 0 { cx.lex[i + 1].has(lexf::FUZZY_AFTER_WILDCARD) } else { var.lex.has(lexf::FUZZY_FIRST) };
                if !possible {
                    continue;
                }
                // (the words but the wildcard are name words: they all have word ids)
                let mut key = [kb::FUZZY_NONE; kb::FUZZY_MAX_TOKENS];
                for (j, id) in key.iter_mut().enumerate().take(n) {
                    *id = if j == k {
                        kb::FUZZY_WILDCARD
                    } else if j == 0 {
                        var.lex.word
                    } else {
                        cx.lex[i + j].word
                    };
                }
                if let Some(list) = kb.fuzzy_ids.get(&key) {
                    let word = if k == 0 { v.as_ref() } else { doc.tokens.norm(i + k) };
                    let chars = word.chars().count();
                    if chars < 4 || !*allowed.get_or_init(|| strip_allowed(cx, i, skip)) {
                        continue;
                    }
                    for f in list {
                        // (one edit changes the length by one character at most)
                        if f.chars.abs_diff(chars) <= 1 && within_one_edit_counted(word, chars, &f.word, f.chars) {
                            best = Some((n, skip, f.actor));
                        }
                    }
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    best
}

fn is_name_token(cx: &Cx, j: usize) -> bool {
    if !is_word(cx.doc, j) {
        return false;
    }
    let w = cx.norm(j);
    const NOT: u32 = lexf::STOPWORD | lexf::TITLE | lexf::DEMONYM | lexf::SECTOR_WORD | lexf::ORG_HEAD | lexf::FIRST_TOKEN;
    !cx.lex[j].has(NOT) && w.chars().nth(1).is_some()
}

/// The entity candidates of a document, left to right, not overlapping.
fn find(kb: &Kb, doc: &Doc, use_model: bool) -> Vec<Cand> {
    find_with(kb, doc, use_model, true)
}

/// Flags of a word's readings that some rule of [`find`] needs at the word
/// where a mention starts (or where a nationality adjective sets the
/// sentence's country): the first-word pre-filters of those rules.
const MAY_START: u32 = lexf::FIRST_TOKEN
    | lexf::AMBIGUOUS_PLACE
    | lexf::NUMBERED_UNIT_HEAD
    | lexf::DIRECTION
    | lexf::SETTLEMENT_HEAD
    | lexf::PLACE_HEAD
    | lexf::ORG_HEAD_DEFINITE
    | lexf::INST_FIRST
    | lexf::DEMONYM
    | lexf::FUZZY_FIRST
    | lexf::FIRST_NAME
    | lexf::COMPOUND_NAME_HEAD
    | lexf::SERVANT_HEAD
    | lexf::ORG_HEAD;

/// May some rule of [`find`] start a mention (or note a nationality) at
/// word `i`? The union of the pre-filters of all of them, word flags first:
/// most words start nothing, and then the rules need not be tried one by
/// one. False only when every rule would decline.
#[inline]
fn may_start(cx: &Cx, model_tags: &[tagger::Tag], out: &[Cand], short: &Short, i: usize, end: usize) -> bool {
    cx.any(i, MAY_START)
        // a fuzzy key starting with the wildcard and the next word
        || (i + 1 < end && cx.lex[i + 1].has(lexf::FUZZY_AFTER_WILDCARD))
        // a person's name after a title or a name introducer
        || title_near(cx, i)
        || (i > 0 && is_word(cx.doc, i - 1) && introduces_name(cx, i - 1))
        // the tagger's mention
        || model_tags.get(i).is_some_and(|t| t.begin_type().is_some())
        // an acronym in brackets after an organisation
        || out.last().is_some_and(|c| c.last + 1 == i && c.etype == EntityType::ORG)
        // a short form of a name seen earlier
        || (!short.map.is_empty() && short.tails.may_have_tail_of(cx.norm(i)))
}

/// [`find`]; `skip_quiet` off tries every rule at every word (the tests
/// check that [`may_start`] changes nothing).
fn find_with(kb: &Kb, doc: &Doc, use_model: bool, skip_quiet: bool) -> Vec<Cand> {
    let n = doc.tokens.len();
    let cx = &Cx::new(kb, doc);
    let mut out: Vec<Cand> = Vec::new();
    let mut buf = String::new();
    // short forms seen so far: normalised form → (type, actor)
    let mut short = Short::default();
    let mut last_inst: HashMap<usize, usize> = HashMap::default();
    let mut country_count: HashMap<usize, usize> = HashMap::default();
    let model_tags = if use_model { tagger::tag_doc_with(doc, &cx.lex) } else { Vec::new() };

    for range in doc.sentence_token_ranges() {
        let end = range.end.min(n);
        let mut sent_country: Option<usize> = None;
        let mut i = range.start;
        while i < end {
            if !is_word(doc, i) || (skip_quiet && !may_start(cx, &model_tags, &out, &short, i, end)) {
                i += 1;
                continue;
            }
            let mut cand: Option<Cand> = None;
            let mut kbm = match_kb(cx, i, end);
            if kbm.is_none() && cx.any(i, lexf::AMBIGUOUS_PLACE) {
                kbm = ambiguous_place(cx, &out, i);
            }
            // اللواء 444: a unit head and a number
            if let Some(c) = cx.any(i, lexf::NUMBERED_UNIT_HEAD).then(|| numbered_unit(cx, i, end)).flatten() {
                i = c.last;
                out.push(c);
                continue;
            }
            // جنوب لبنان، شمال دارفور: a compass word before a known place
            if i + 1 < end && cx.lex[i].has(lexf::DIRECTION) && is_word(doc, i + 1) {
                if let Some((len, skip, a)) = match_kb(cx, i + 1, end) {
                    let place = matches!(kb.actors[a].etype, EntityType::GPE | EntityType::LOC);
                    if place && skip == 0 && kbm.map(|m| m.0 < len + 1).unwrap_or(true) {
                        kbm = None;
                        cand = Some(Cand { first: i, last: i + 1 + len, skip: 0, etype: EntityType::LOC, actor: ActorId::Kb(a), source: "gazetteer" });
                    }
                }
            }
            // بلدة كفركلا، بلدتي الخيام وكفركلا: unknown settlements after a settlement head
            if cand.is_none() && kbm.is_none() && i + 1 < end && cx.any(i, lexf::SETTLEMENT_HEAD) && is_word(doc, i + 1) {
                let head = cx
                    .vars(i)
                    .iter()
                    .find_map(|v| v.lex.has(lexf::SETTLEMENT_HEAD).then(|| (v.skip, v.lex.has(lexf::SETTLEMENT_MANY))))
                    .filter(|(sk, _)| strip_allowed(cx, i, *sk));
                if let Some((_, many)) = head {
                    let places = settlement_names(cx, i + 1, end, many);
                    if !places.is_empty() {
                        for c in places {
                            i = c.last;
                            out.push(c);
                        }
                        continue;
                    }
                }
            }
            // جبل القاهرة، مطار بغداد: a place head and a name make one place
            if cand.is_none() && i + 1 < end && cx.any(i, lexf::PLACE_HEAD) && is_word(doc, i + 1) && kbm.map(|m| m.0 < 2).unwrap_or(true) {
                let head = cx.vars(i).iter().find_map(|v| v.lex.place_head.map(|t| (v.skip, t))).filter(|(sk, _)| strip_allowed(cx, i, *sk));
                if let Some((skip, t)) = head {
                    let len = match match_kb(cx, i + 1, end) {
                        Some((l, 0, _)) => Some(l),
                        Some(_) => None,
                        None => {
                            // فندق الساحل: a facility may be named by a definite common word
                            let nl = &cx.lex[i + 1];
                            let fac_common = t == EntityType::FAC && nl.has(lexf::COMMON) && doc.tokens.norm(i + 1).starts_with(ARTICLE) && nl.freq_opt().map(|c| c < 2000).unwrap_or(true);
                            // (the first word of a longer known name may stand alone here: فندق الساحل)
                            const NOT: u32 = lexf::STOPWORD | lexf::TITLE | lexf::DEMONYM | lexf::SECTOR_WORD | lexf::ORG_HEAD;
                            let nw = doc.tokens.norm(i + 1);
                            let first_token_ok = !nl.has(lexf::FIRST_TOKEN) || (nw.starts_with(ARTICLE) && nl.freq_opt().map(|c| c < 2000).unwrap_or(true));
                            let name_like = !nl.has(NOT) && first_token_ok && nw.chars().nth(1).is_some();
                            (name_like && (fac_common || !nl.has(lexf::COMMON))).then_some(1)
                        }
                    };
                    if let Some(l) = len {
                        kbm = None;
                        let name = (i..i + 1 + l).map(|j| if j == i { strip_to(doc.tokens.norm(j), skip) } else { doc.tokens.norm(j).to_string() }).collect::<Vec<_>>().join(" ");
                        cand = Some(Cand { first: i, last: i + 1 + l, skip, etype: t, actor: ActorId::Local(name), source: "rule" });
                    }
                }
            }
            if cand.is_none() && cx.any(i, lexf::ORG_HEAD_DEFINITE) {
                if let Some(c) = rule_org_definite(cx, i, end) {
                    let known = kbm.map(|m| m.0).unwrap_or(0).max(match_inst(cx, i, end, &mut buf).map(|m| m.0).unwrap_or(0));
                    if c.last - c.first > known {
                        kbm = None;
                        cand = Some(c);
                    }
                }
            }
            if cand.is_some() {
                let c = cand.take().unwrap_or_else(|| unreachable!());
                short.register(kb, doc, &c);
                i = c.last;
                out.push(c);
                continue;
            }
            // "وزير الخارجية العراقي" is a title, not the ministry
            let inst = if i > 0 && is_title(cx, i - 1) { None } else { match_inst(cx, i, end, &mut buf) };
            let kb_len = kbm.map(|m| m.0).unwrap_or(0);
            if let Some((len, skip, ins, country)) = inst {
                // قيادة شرطة البصرة: an institution absorbs a known place after it
                let (len, country) = match (country, city_after(cx, i + len, end)) {
                    (None, Some((l, co))) if kb.institutions[ins].bare => (len + l, co),
                    (c, _) => (len, c),
                };
                if len > kb_len {
                    let info = &kb.institutions[ins];
                    let country = country.or_else(|| {
                        if !info.bare {
                            return None;
                        }
                        sent_country.or_else(|| last_inst.get(&ins).copied()).or_else(|| {
                            country_count.iter().max_by_key(|(a, c)| (**c, usize::MAX - **a)).map(|(a, _)| *a)
                        })
                    });
                    if let Some(c) = country {
                        last_inst.insert(ins, c);
                        cand = Some(Cand { first: i, last: i + len, skip, etype: info.etype, actor: ActorId::Inst(ins, c), source: "gazetteer" });
                    } else if info.bare && len >= 2 {
                        let name = norm_name(&doc.token_span(i, i + len).text);
                        cand = Some(Cand { first: i, last: i + len, skip, etype: info.etype, actor: ActorId::Local(name), source: "rule" });
                    }
                }
            }
            // a one-word GeoNames town that is also a frequent news word (الخبر، عمران)
            // needs a place context: a preposition or place word before it
            if let Some((1, skip, a)) = kbm {
                if kb.actors[a].id.starts_with("gn") && !place_context(cx, i) {
                    let w = strip_to(doc.tokens.norm(i), skip);
                    if kb.freq.get(w.as_str()).map(|&c| c >= 100).unwrap_or(false) {
                        kbm = None;
                    }
                }
            }
            // a town's name that was seen as a person's family name is that person (الشبلي)
            if let Some((1, skip, a)) = kbm {
                if kb.actors[a].id.starts_with("gn") && !place_context(cx, i) {
                    let w = strip_to(doc.tokens.norm(i), skip);
                    if short.map.get(w.as_str()).map(|(t, _)| *t == EntityType::PER).unwrap_or(false) {
                        kbm = None;
                    }
                }
            }
            if cand.is_none() {
                if let Some((len, skip, a)) = kbm {
                    cand = Some(Cand { first: i, last: i + len, skip, etype: kb.actors[a].etype, actor: ActorId::Kb(a), source: "gazetteer" });
                }
            }
            // short forms of names seen earlier
            if cand.is_none() && !short.map.is_empty() {
                'outer: for var in cx.vars(i) {
                    let (skip, v) = (var.skip, &var.form);
                    // (every key starts with one of the first words)
                    if !short.first.contains(v.as_ref() as &str) || v.chars().nth(1).is_none() || !strip_allowed(cx, i, skip) {
                        continue;
                    }
                    let key = &mut buf;
                    key.clear();
                    key.push_str(v);
                    let mut found = None;
                    for len in 1..=4.min(end - i) {
                        if len > 1 {
                            if !is_word(doc, i + len - 1) {
                                break;
                            }
                            key.push(' ');
                            key.push_str(doc.tokens.norm(i + len - 1));
                        }
                        if let Some((t, a)) = short.map.get(key.as_str()) {
                            found = Some((len, *t, a.clone()));
                        }
                    }
                    if let Some((len, t, a)) = found {
                        cand = Some(Cand { first: i, last: i + len, skip, etype: t, actor: a, source: "rule" });
                        break 'outer;
                    }
                }
            }
            let dem = if cand.is_none() { cx.demonym(i) } else { None };
            if dem.is_some() {
                // a nationality adjective: context for bare institutions, never an entity
                sent_country = dem;
                i += 1;
                continue;
            }
            // no fuzzy match right after a title (وزير الخارجية الأميركي)
            if cand.is_none() && !(i > 0 && is_title(cx, i - 1)) {
                if let Some((len, skip, a)) = match_fuzzy(cx, i, end) {
                    cand = Some(Cand { first: i, last: i + len, skip, etype: kb.actors[a].etype, actor: ActorId::Kb(a), source: "gazetteer" });
                }
            }
            if cand.is_none() {
                cand = rule_person(cx, i, end);
                // (both organisation rules start with an organisation head)
                if cand.is_none() && cx.any(i, lexf::ORG_HEAD) {
                    let next_known = i + 1 < end && is_word(doc, i + 1) && {
                        match_kb(cx, i + 1, end).is_some() || match_inst(cx, i + 1, end, &mut buf).is_some()
                    };
                    if !next_known {
                        cand = rule_org(cx, i, end);
                    } else {
                        // وكالة السودان للأنباء: head + known name + لل complement
                        cand = rule_org(cx, i, end).filter(|c| c.last - c.first >= 3 && doc.tokens.norm(c.last - 1).starts_with('ل'));
                        // جامعة الموصل، مصرف بغداد المركزي: head + a known place (+ an adjective)
                        if cand.is_none() {
                            cand = org_of_place(cx, i, end);
                        }
                    }
                }
            }
            // (the tagger's mentions start at a tag with a type)
            if cand.is_none() && !model_tags.is_empty() && model_tags.get(i).and_then(|t| t.begin_type()).is_some() {
                // an I- tag right after an accepted entity continues nothing (للصحافيين)
                // (a word with و is coordinated, not continued: كولومبيا والهندوراس)
                let stray = out.last().map(|c| c.last == i).unwrap_or(false) && !model_tags[i].is_begin() && !doc.tokens.norm(i).starts_with('و');
                if !stray {
                    cand = model_cand(cx, &model_tags, i, end);
                }
            }
            // محمد بن سلمان بن عبد العزيز آل سعود: a patronymic chain belongs to the person
            if let Some(c) = cand.as_mut() {
                if c.etype == EntityType::PER {
                    c.last = patronymic_end(cx, c.last, end);
                }
            }
            // بعثة ... (أتميس): an unknown word in brackets right after an organisation is its acronym
            if cand.is_none() {
                if let Some(prev) = out.last() {
                    if prev.etype == EntityType::ORG && bracketed_acronym(cx, prev.last, i, end) {
                        cand = Some(Cand { first: i, last: i + 1, skip: 0, etype: EntityType::ORG, actor: prev.actor.clone(), source: "rule" });
                    }
                }
            }
            match cand {
                Some(c) => {
                    // context and short forms
                    let country_actor = match &c.actor {
                        ActorId::Kb(a) => kb.actors[*a].country.as_ref().and_then(|cc| kb.country_actor.get(cc)).copied(),
                        ActorId::Inst(_, co) => Some(*co),
                        ActorId::Local(_) => None,
                    };
                    if let Some(co) = country_actor {
                        sent_country = Some(co);
                        *country_count.entry(co).or_default() += 1;
                    }
                    short.register(kb, doc, &c);
                    i = c.last;
                    out.push(c);
                }
                None => i += 1,
            }
        }
    }
    out
}

/// A settlement name not in the gazetteer: a rare name-like word at `j`
/// (plus a second word with the article that is not an adjective: عيتا
/// الشعب), and, after a head naming several places, the next one joined by و.
fn settlement_names(cx: &Cx, j: usize, end: usize, many: bool) -> Vec<Cand> {
    let (kb, doc) = (cx.kb, cx.doc);
    let mut out = Vec::new();
    let unknown_name = |k: usize, skip: usize| -> bool {
        if k >= end || !is_word(doc, k) {
            return false;
        }
        let w = doc.tokens.norm(k);
        let w: &str = w.get(w.char_indices().nth(skip).map(|(b, _)| b).unwrap_or(w.len())..).unwrap_or("");
        w.chars().count() >= 3
            && !kb.stopwords.contains(w)
            && !kb.titles.contains(w)
            && !kb.common.contains(w)
            && kb.freq.get(w).map(|&c| c < kb::ORDINARY_WORD_MIN).unwrap_or(true)
            && !is_direction(kb, w)
            && kb.demonym(w).is_none()
            && !kb.sector_words.contains_key(w)
            && !kb.org_heads.contains(w)
            && !kb.settlement_heads.contains_key(w)
            && !w.chars().any(|c| c.is_ascii_digit())
    };
    let mut k = j;
    let mut skip = 0;
    loop {
        if k >= end {
            break;
        }
        // a known place keeps its actor (بلدتي المرج وكفرحمام)
        if let Some((len, sk, a)) = match_kb(cx, k, end) {
            let etype = kb.actors[a].etype;
            let w = strip_to(doc.tokens.norm(k), skip);
            let ordinary = len == 1 && (is_direction(kb, &w) || kb.freq.get(w.as_str()).map(|&c| c >= kb::ORDINARY_WORD_MIN).unwrap_or(false));
            if sk != skip || ordinary || !matches!(etype, EntityType::GPE | EntityType::LOC) {
                break;
            }
            out.push(Cand { first: k, last: k + len, skip, etype, actor: ActorId::Kb(a), source: "gazetteer" });
            let last = k + len;
            if !many || last >= end || !doc.tokens.norm(last).starts_with('و') {
                break;
            }
            k = last;
            skip = 1;
            continue;
        }
        if !unknown_name(k, skip) {
            break;
        }
        let mut last = k + 1;
        if skip == 0 && last < end && is_word(doc, last) && !doc.tokens.norm(k).starts_with(ARTICLE) {
            let w2 = doc.tokens.norm(last);
            let adjective = marsad_text::ends_with_any(w2, &kb.words.adjective_endings) || kb.demonym(w2).is_some();
            if w2.starts_with(ARTICLE) && w2.chars().count() >= 4 && !adjective && !kb.stopwords.contains(w2) && !kb.titles.contains(w2) && !kb.sector_words.contains_key(w2) && !kb.org_heads.contains(w2) {
                last += 1;
            }
        }
        let name = (k..last).map(|x| if x == k { strip_to(doc.tokens.norm(x), skip) } else { doc.tokens.norm(x).to_string() }).collect::<Vec<_>>().join(" ");
        out.push(Cand { first: k, last, skip, etype: EntityType::GPE, actor: ActorId::Local(name), source: "rule" });
        if !many || last >= end || !doc.tokens.norm(last).starts_with('و') {
            break;
        }
        k = last;
        skip = 1;
    }
    out
}

/// A place context before token `i`: a place preposition (في، إلى، من، قرب…)
/// attached or before it, or a place word (مدينة، شمال، محافظة…).
fn place_context(cx: &Cx, i: usize) -> bool {
    let (kb, doc) = (cx.kb, cx.doc);
    let w = doc.tokens.norm(i);
    if w.starts_with('ب') || (w.starts_with('ل') && !w.starts_with(ARTICLE)) {
        return true;
    }
    if i == 0 || !is_word(doc, i - 1) {
        return false;
    }
    let p = doc.tokens.norm(i - 1);
    kb.words.place_prepositions.contains(p)
        || is_direction(kb, p)
        || kb.settlement_heads.contains_key(p)
        || kb.place_heads.contains_key(p)
}

fn is_direction(kb: &Kb, w: &str) -> bool {
    kb.words.directions.contains(w)
}

/// Short forms of the names seen so far in a document.
#[derive(Default)]
struct Short {
    /// Normalised form → (type, actor).
    map: HashMap<String, (EntityType, ActorId)>,
    /// First words of the keys of `map`.
    first: WordSet,
    /// Tails of `first`: a word none of whose readings is in `first` is
    /// passed over with one bit test (see [`may_start`]).
    tails: TailFilter,
}

/// Which word tails (last four bytes, or the whole word when shorter) occur
/// among a few words: 256 bits.
///
/// Every proclitic reading of a word ([`proclitic_variants`]) has the
/// word's tail: a reading without its first letters keeps four bytes or
/// more, and "الX" of "[و]للX" ends as the word does. So a word whose tail
/// is not in the filter has no reading among the words. (A per-article
/// filter: `marsad_text::EndingFilter`'s 8 KB would cost more to clear than
/// the look-ups it saves.)
#[derive(Default)]
struct TailFilter([u64; 4]);

impl TailFilter {
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let tail = &b[b.len().saturating_sub(4)..];
        let x = tail.iter().fold(tail.len() as u32, |x, &c| x.wrapping_mul(0x0100_0193) ^ c as u32);
        (x.wrapping_mul(0x9e37_79b1) >> 24) as usize
    }
    fn insert(&mut self, w: &str) {
        let s = Self::slot(w);
        self.0[s / 64] |= 1 << (s % 64);
    }
    /// False only when no word of the filter has the tail of `w`.
    #[inline]
    fn may_have_tail_of(&self, w: &str) -> bool {
        let s = Self::slot(w);
        self.0[s / 64] & (1 << (s % 64)) != 0
    }
}

impl Short {
    fn register(&mut self, kb: &Kb, doc: &Doc, c: &Cand) {
        register_short_forms(kb, doc, c, self);
    }
    fn insert(&mut self, key: String, v: (EntityType, ActorId)) {
        if self.map.contains_key(&key) {
            return;
        }
        let f = key.split(' ').next().unwrap_or("");
        if !self.first.contains(f) {
            self.tails.insert(f);
            self.first.insert(f.to_string());
        }
        self.map.insert(key, v);
    }
}

fn register_short_forms(kb: &Kb, doc: &Doc, c: &Cand, short: &mut Short) {
    let len = c.last - c.first;
    if len < 2 {
        return;
    }
    // (only organisation keys contain the first word: a person's keys are
    // tails of the name, so the first word's reading is not needed)
    let first_norm: String = if !matches!(c.etype, EntityType::ORG) || len < 3 {
        String::new()
    } else {
        let w = doc.tokens.norm(c.first);
        let variants = proclitic_variants(w);
        let found = variants.iter().find(|(s, _)| *s == c.skip).map(|(_, v)| v.to_string());
        found.unwrap_or_else(|| w.to_string())
    };
    let tok = |j: usize| if j == c.first { first_norm.as_str() } else { doc.tokens.norm(j) };
    match c.etype {
        EntityType::PER => {
            let last = tok(c.last - 1);
            // a frequent ordinary word (حازم، سليم) is not linked later on its own
            // (for unknown persons only: a known person keeps his last word, السوداني)
            let ordinary = matches!(c.actor, ActorId::Local(_)) && kb.freq.get(last).map(|&c| c >= kb::ORDINARY_WORD_MIN).unwrap_or(false) && kb.lookup(last).is_none();
            // (a known person keeps a rare stopword too: حمزة عبدي بري → بري)
            let stop = kb.stopwords.contains(last) && !(matches!(c.actor, ActorId::Kb(_)) && kb.freq.get(last).map(|&f| f < kb::ORDINARY_WORD_MIN).unwrap_or(true));
            if last.chars().count() >= 3 && !stop && !ordinary {
                short.insert(last.to_string(), (EntityType::PER, c.actor.clone()));
            }
            // "عبد المنعم" after "نور الدين عبد المنعم"
            if len >= 3 && kb.words.short_form_heads.contains(tok(c.last - 2)) {
                let key = format!("{} {}", tok(c.last - 2), tok(c.last - 1));
                short.insert(key, (EntityType::PER, c.actor.clone()));
            }
            // "بن فرحان" after "فيصل بن فرحان"; "حمدان دقلو" after "محمد حمدان دقلو"
            if len >= 3 {
                let tail = (c.first + 1..c.last).map(tok).collect::<Vec<_>>().join(" ");
                short.insert(tail, (EntityType::PER, c.actor.clone()));
            }
        }
        EntityType::ORG if len >= 3 => {
            for l in 2..len {
                let key = (c.first..c.first + l).map(tok).collect::<Vec<_>>().join(" ");
                if kb.lookup(&key).is_none() && !kb.inst_heads.contains_key(&key) {
                    short.insert(key, (EntityType::ORG, c.actor.clone()));
                }
            }
        }
        _ => {}
    }
}

/// A place name that is also an ordinary word (مالي "financial"), linked
/// only in a place context: a context word before it (في مالي، جمهورية
/// مالي), a ب/ل proclitic (بمالي), or و after another place (النيجر ومالي).
fn ambiguous_place(cx: &Cx, out: &[Cand], i: usize) -> Option<(usize, usize, usize)> {
    let (kb, doc) = (cx.kb, cx.doc);
    let w = cx.norm(i);
    for v in cx.vars(i) {
        if v.skip > 1 || !v.lex.has(lexf::AMBIGUOUS_PLACE) {
            continue;
        }
        let Some((actor, ctx)) = kb.ambiguous_places.get(v.form.as_ref() as &str) else { continue };
        let ok = if v.skip == 1 {
            if w.starts_with('و') {
                // و after a place, possibly across a comma
                out.last().map(|c| matches!(c.etype, EntityType::GPE | EntityType::LOC) && (c.last == i || (c.last + 1 == i && !is_word(doc, c.last)))).unwrap_or(false)
            } else {
                w.starts_with('ب') || w.starts_with('ل')
            }
        } else {
            let before = i > 0 && is_word(doc, i - 1) && cx.vars(i - 1).iter().any(|p| ctx.contains(p.form.as_ref() as &str));
            // مالي والنيجر: coordinated with a known place after it
            let next = i + 1;
            let coordinated = next < doc.tokens.len()
                && is_word(doc, next)
                && doc.tokens.norm(next).starts_with('و')
                && match_kb(cx, next, doc.tokens.len()).map(|(_, sk, a)| sk == 1 && matches!(kb.actors[a].etype, EntityType::GPE)).unwrap_or(false);
            before || coordinated
        };
        if ok {
            return Some((1, v.skip, *actor));
        }
    }
    None
}

/// Unknown persons: a first name followed by name tokens (جعفر الحسيني), or
/// a title followed by a name (السفيرة الأميركية آلينا رومانوسكي).
fn rule_person(cx: &Cx, i: usize, end: usize) -> Option<Cand> {
    let doc = cx.doc;
    // a name starts with a first name (or عبد), after a title, or after a
    // name introducer: most words have none of these
    let introduced = i > 0 && is_word(doc, i - 1) && introduces_name(cx, i - 1);
    if !introduced && !cx.any(i, lexf::FIRST_NAME | lexf::COMPOUND_NAME_HEAD | lexf::SERVANT_HEAD) && !title_near(cx, i) {
        return None;
    }
    let w = doc.tokens.norm(i);
    let first_readings = if cx.any(i, lexf::FIRST_NAME | lexf::COMPOUND_NAME_HEAD) { cx.vars(i) } else { &[] };
    let (skip, first_ok) = first_readings
        .iter()
        // only و/ف are stripped before a first name: كريم is not ك + ريم
        .find(|v| {
            (v.skip == 0 || (v.skip == 1 && (w.starts_with('و') || w.starts_with('ف'))))
                && (v.lex.has(lexf::FIRST_NAME) || (v.lex.has(lexf::COMPOUND_NAME_HEAD) && compound_din(cx.kb, doc, i, end)))
        })
        .map(|v| (v.skip, true))
        .unwrap_or((0, false));
    // عبد + the next word is one first name (عبد الله مايغا، وعبد الحكيم الشبلي)
    let abd = !first_ok
        && i + 2 < end
        && is_word(doc, i + 1)
        && cx.any(i, lexf::SERVANT_HEAD)
        && cx.vars(i).iter().any(|v| v.lex.has(lexf::SERVANT_HEAD) && (v.skip == 0 || (v.skip == 1 && (w.starts_with('و') || w.starts_with('ف')))))
        && {
            let nw = doc.tokens.norm(i + 1);
            nw.chars().count() >= 3 && (nw.starts_with(ARTICLE) || cx.lex[i + 1].has(lexf::FIRST_NAME))
        };
    let (skip, first_ok) = if abd {
        (cx.vars(i).iter().find(|v| v.lex.has(lexf::SERVANT_HEAD)).map(|v| v.skip).unwrap_or(0), true)
    } else {
        (skip, first_ok)
    };
    let first_len = if abd { 2 } else { 1 };
    // يدعى أحمد، اسمه علي حسن: the next one to three words are a name
    if introduced {
        if let Some(c) = introduced_name(cx, i, end) {
            return Some(c);
        }
    }
    let start_name = if first_ok {
        Some((i, skip))
    } else if i > 0 && title_near(cx, i) && title_before(cx, i) {
        // after a title: the name starts here when it is not an ordinary word
        let w = doc.tokens.norm(i);
        let verb_like = cx.kb.words.has_future_prefix(w) || marsad_text::ends_with_any(w, &cx.kb.words.object_pronoun_endings);
        let verb_like = verb_like || (w.starts_with(['ي', 'ت', 'ن']) && is_ordinary(&cx.lex[i]));
        // بتوطين، بإعلان: ب/ل + a known word is no name
        let verb_like = verb_like || preposition_plus_word(cx, i);
        // علي، حسن after a title are first names when a name word follows (وزير الخارجية علي باقري)
        let person_word = cx.lex[i].has(lexf::STOPWORD)
            && cx.lex[i].token_types & 1 != 0
            && i + 1 < end
            && is_name_token(cx, i + 1)
            && !cx.lex[i + 1].has(lexf::COMMON)
            && (cx.lex[i + 1].has(lexf::FIRST_NAME | lexf::TOKEN_TYPES) || cx.lex[i + 1].freq_opt().map(|c| c < 20).unwrap_or(true));
        let name_ok = (is_name_token(cx, i) || person_word) && !cx.lex[i].has(lexf::COMMON) && !verb_like;
        name_ok.then_some((i, 0)).filter(|_| !w.starts_with(ARTICLE))
    } else {
        None
    };
    let (first, skip) = start_name?;
    let mut last = first + first_len;
    // up to four name words; joiners (بن، آل) do not count (محمد بن راشد آل مكتوم)
    let mut joiners = first_len - 1;
    while last < end && last < first + 4 + joiners {
        let nw = doc.tokens.norm(last);
        let joiner = cx.kb.words.is_name_joiner(nw);
        let verb_like = cx.kb.words.has_future_prefix(nw);
        let more = first_ok || last < first + 2 || (last < first + 3 && nw.starts_with(ARTICLE));
        let nl = &cx.lex[last];
        let verb_like = verb_like || (nw.starts_with(['ي', 'ت', 'ن']) && is_ordinary(nl));
        let after_joiner = cx.kb.words.is_name_joiner(doc.tokens.norm(last - 1));
        if joiner && last + 1 < end && last < first + 5 {
            joiners += 1;
        }
        // a third word with the article is a family name (…ي) or rare, not a participle (الموقوف)
        let def_ok = nw.starts_with(ARTICLE) && (last == first + 1 || nw.ends_with('ي') || nl.freq_opt().map(|c| c < 20).unwrap_or(true));
        // و + a frequent word ends a name (حازم ومناسب)
        if is_conjoined_word(cx, last) {
            break;
        }
        // a family name that is also a town's name (عبد الحكيم الشبلي)
        let town_name = first_ok && last == first + first_len && nl.has(lexf::FIRST_TOKEN) && !nl.has(lexf::STOPWORD | lexf::TITLE | lexf::DEMONYM) && match_kb(cx, last, end).map(|(_, sk, a)| sk == 0 && cx.kb.actors[a].id.starts_with("gn")).unwrap_or(false);
        // after بن/بنت a father's name may also start a known name (خالد بن حمد العتيبي)
        let name_word = is_name_token(cx, last) || (after_joiner && is_word(doc, last) && nl.has(lexf::FIRST_TOKEN) && !nl.has(lexf::STOPWORD | lexf::TITLE | lexf::DEMONYM | lexf::SECTOR_WORD | lexf::ORG_HEAD));
        if joiner || town_name || (more && !verb_like && !nl.has(lexf::COMMON) && name_word && (nl.has(lexf::FIRST_NAME) || def_ok || !first_ok || last == first + first_len || after_joiner)) {
            last += 1;
        } else {
            break;
        }
    }
    while last > first + first_len && cx.kb.words.is_name_joiner(doc.tokens.norm(last - 1)) {
        last -= 1;
    }
    if last - first <= first_len && first_ok {
        return None;
    }
    if last - first < 2 && !first_ok {
        // a single unknown word after a title: only if it is not a common word form
        return None;
    }
    let name = (first..last).map(|j| if j == first { strip_to(doc.tokens.norm(j), skip) } else { doc.tokens.norm(j).to_string() }).collect::<Vec<_>>().join(" ");
    Some(Cand { first, last, skip, etype: EntityType::PER, actor: ActorId::Local(name), source: "rule" })
}

/// A word that introduces a person's name (يدعى، ويدعى، اسمه).
/// (Either listed, or و + a listed word: computed once per word, see [`WordMemo`].)
fn introduces_name(cx: &Cx, j: usize) -> bool {
    cx.memo.info[cx.word[j] as usize].introduces_name
}

/// One to three words after a name introducer, even first names that are
/// also function words (يدعى علي حسن).
fn introduced_name(cx: &Cx, i: usize, end: usize) -> Option<Cand> {
    let doc = cx.doc;
    let mut last = i;
    while last < end && last < i + 3 && is_word(doc, last) {
        let w = doc.tokens.norm(last);
        let l = &cx.lex[last];
        // (a function word is a name only when persons bear it: علي، حسن; not أن after "نشر اسمه")
        let namelike = l.has(lexf::FIRST_NAME | lexf::COMPOUND_NAME_HEAD) || (l.token_types & 1 != 0 && w.chars().count() >= 3);
        if w.chars().count() < 3 || l.has(lexf::TITLE | lexf::DEMONYM) || (l.has(lexf::STOPWORD) && !namelike) {
            break;
        }
        // a frequent word with the article ends it (يدعى أحمد خليل الأسبوع الماضي)
        if last > i && w.starts_with(ARTICLE) && !namelike && l.freq_opt().map(|c| c >= 50).unwrap_or(false) {
            break;
        }
        // a verb or a conjoined word ends the name (ويعمل، وقال)
        if last > i && ((w.starts_with(['ي', 'ت', 'ن', 'و']) && is_ordinary(l)) || w.starts_with("سي")) {
            break;
        }
        last += 1;
    }
    if last == i {
        return None;
    }
    let name = (i..last).map(|j| doc.tokens.norm(j).to_string()).collect::<Vec<_>>().join(" ");
    Some(Cand { first: i, last, skip: 0, etype: EntityType::PER, actor: ActorId::Local(name), source: "rule" })
}

/// ب/ل + a known word (بتوطين، لإعلان، برصاص): a prepositional phrase, no name.
fn preposition_plus_word(cx: &Cx, i: usize) -> bool {
    let w = cx.norm(i);
    if !(w.starts_with('ب') || w.starts_with('ل')) || w.chars().count() < 4 {
        return false;
    }
    cx.vars(i).iter().any(|v| v.skip == 1 && (is_ordinary(&v.lex) || v.lex.has(lexf::COMMON | lexf::STOPWORD) || v.lex.freq_opt().map(|c| c >= 50).unwrap_or(false)) && !v.lex.has(lexf::FIRST_NAME | lexf::TOKEN_TYPES))
}

/// نور الدين، صلاح الدين: a word before الدين starts a compound first name.
fn compound_din(kb: &Kb, doc: &Doc, i: usize, end: usize) -> bool {
    i + 2 < end && is_word(doc, i + 1) && is_word(doc, i + 2) && kb.words.compound_name_tails.contains(doc.tokens.norm(i + 1)) && doc.tokens.norm(i).chars().count() >= 2
}

/// A normalised word without its first `skip` letters; the ل of an article
/// written لل gets its alef back (للاتحاد → الاتحاد, but للبنان → لبنان).
fn strip_to(w: &str, skip: usize) -> String {
    let rest: String = w.chars().skip(skip).collect();
    if skip > 0 && rest.starts_with('ل') && w.chars().nth(skip - 1) == Some('ل') {
        let seg = marsad_text::segment_normalized_word(w);
        if seg.segments.iter().any(|s| s.kind == marsad_text::SegmentKind::Article) {
            return format!("ا{rest}");
        }
    }
    rest
}

/// `Kb::is_ordinary_word` from a word's table entry.
fn is_ordinary(l: &Lex) -> bool {
    l.freq_opt().map(|c| c >= kb::ORDINARY_WORD_MIN).unwrap_or(false) && !l.has(lexf::FIRST_NAME | lexf::TOKEN_TYPES)
}

/// A title right before token `i`, possibly followed by a portfolio and a
/// nationality adjective (وزير الخارجية اليمني شائع الزنداني).
fn title_before(cx: &Cx, i: usize) -> bool {
    let mut j = i;
    for _ in 0..3 {
        if j == 0 {
            return false;
        }
        j -= 1;
        if is_title(cx, j) {
            return true;
        }
        let w = cx.norm(j);
        if !is_word(cx.doc, j) || !(w.starts_with(ARTICLE) || cx.lex[j].has(lexf::DEMONYM)) {
            return false;
        }
    }
    false
}

/// A title among the three tokens before `i`: the pre-filter of
/// [`title_before`] (three flag tests).
#[inline]
fn title_near(cx: &Cx, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|j| cx.any(j, lexf::TITLE))
}

#[inline]
fn is_title(cx: &Cx, j: usize) -> bool {
    cx.any(j, lexf::TITLE) && is_word(cx.doc, j)
}

/// Unknown organisations: a head in construct state followed by a name
/// (جماعة أنصار الله، منظمة العفو الدولية).
fn rule_org(cx: &Cx, i: usize, end: usize) -> Option<Cand> {
    let doc = cx.doc;
    if !cx.any(i, lexf::ORG_HEAD) {
        return None;
    }
    let skip = cx.vars(i).iter().find(|v| v.lex.has(lexf::ORG_HEAD))?.skip;
    // صحيفة "الاقتصادية": a head and a quoted name of one to three words
    if i + 3 < end && doc.tokens.norm(i + 1) == "\"" {
        let mut k = i + 2;
        while k < end && k < i + 5 && is_word(doc, k) {
            k += 1;
        }
        if k > i + 2 && k < end && doc.tokens.norm(k) == "\"" && (i + 2..k).all(|j| !cx.lex[j].has(lexf::STOPWORD)) {
            let name = (i + 2..k).map(|j| doc.tokens.norm(j).to_string()).collect::<Vec<_>>().join(" ");
            let actor = cx.kb.lookup(&name).map(ActorId::Kb).unwrap_or(ActorId::Local(name));
            return Some(Cand { first: i + 2, last: k, skip: 0, etype: EntityType::ORG, actor, source: "rule" });
        }
    }
    if i + 1 < end && is_word(doc, i + 1) {
        let w = doc.tokens.norm(i + 1);
        // an indefinite adjective (منظمة إرهابية) or a common noun (حركة العبور) is no name
        if cx.lex[i + 1].has(lexf::COMMON) || (!w.starts_with(ARTICLE) && marsad_text::ends_with_any(w, &cx.kb.words.feminine_adjective_endings)) {
            return None;
        }
        // head + indefinite noun + indefinite adjective is a description (شركة شحن دولية)
        if !w.starts_with(ARTICLE) && i + 2 < end && is_word(doc, i + 2) {
            let a = doc.tokens.norm(i + 2);
            if !a.starts_with(ARTICLE) && marsad_text::ends_with_any(a, &cx.kb.words.feminine_adjective_endings) && (is_ordinary(&cx.lex[i + 1]) || cx.lex[i + 1].freq_opt().map(|c| c >= 50).unwrap_or(false)) {
                return None;
            }
        }
        // head + an indefinite plural (شركة مقاولات) or a frequent indefinite noun
        // (تنظيم استفتاء: a verbal noun) is a description
        let plural = marsad_text::ends_with_any(w, &cx.kb.words.plural_endings) && cx.lex[i + 1].has(lexf::FREQ);
        // (a frequent noun only with a complement after it: brand names such as غوغل are frequent too)
        let complement = i + 2 < end && is_word(doc, i + 2) && doc.tokens.norm(i + 2).starts_with(['ل', 'ب']);
        let frequent = complement && cx.lex[i + 1].freq_opt().map(|c| c >= 150).unwrap_or(false);
        if !w.starts_with(ARTICLE) && (plural || frequent) && !cx.lex[i + 1].has(lexf::TOKEN_TYPES | lexf::FIRST_NAME) {
            return None;
        }
    }
    let mut last = i + 1;
    while last < end && last < i + 4 && is_word(doc, last) {
        let w = doc.tokens.norm(last);
        if cx.lex[last].has(lexf::STOPWORD | lexf::TITLE | lexf::SECTOR_WORD | lexf::DEMONYM) {
            break;
        }
        if last > i + 1 && !w.starts_with(ARTICLE) {
            break;
        }
        last += 1;
    }
    if last == i + 1 {
        return None;
    }
    // a complement with ل belongs to the name (وكالة السودان للأنباء)
    last += org_complement_len(cx, last, end);
    // a following KB name inside: let the KB entity stand alone unless the head is part of a known name
    let name = (i..last).map(|j| if j == i { strip_to(doc.tokens.norm(j), skip) } else { doc.tokens.norm(j).to_string() }).collect::<Vec<_>>().join(" ");
    Some(Cand { first: i, last, skip, etype: EntityType::ORG, actor: ActorId::Local(name), source: "rule" })
}

/// A military unit named by a number (اللواء 444، وللكتيبة 17), with an
/// indefinite qualifier after it when the KB knows the longer name.
fn numbered_unit(cx: &Cx, i: usize, end: usize) -> Option<Cand> {
    let (kb, doc) = (cx.kb, cx.doc);
    if i + 1 >= end || doc.tokens.get(i + 1).map(|t| t.kind != TokenKind::Number).unwrap_or(true) {
        return None;
    }
    let v = cx.vars(i).iter().find(|v| v.lex.has(lexf::NUMBERED_UNIT_HEAD) && strip_allowed(cx, i, v.skip))?;
    let skip = v.skip;
    let num = doc.tokens.norm(i + 1);
    if !num.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let head = strip_to(doc.tokens.norm(i), skip);
    let key = format!("{head} {num}");
    let mut last = i + 2;
    let mut actor = kb.lookup(&key).map(ActorId::Kb);
    if last < end && is_word(doc, last) {
        let longer = format!("{key} {}", doc.tokens.norm(last));
        if let Some(a) = kb.lookup(&longer) {
            actor = Some(ActorId::Kb(a));
            last += 1;
        }
    }
    let actor = actor.unwrap_or(ActorId::Local(key));
    Some(Cand { first: i, last, skip, etype: EntityType::ORG, actor, source: "rule" })
}

/// The end of a patronymic chain after a person's name ending at `j`: بن/بنت
/// + one name word (two after عبد/أبو), repeated, and a final آل + family.
fn patronymic_end(cx: &Cx, j: usize, end: usize) -> usize {
    let doc = cx.doc;
    // (after عبد/أبو any word goes: عبد العزيز)
    let name_word = |k: usize, after_abd: bool| k < end && is_word(doc, k) && !cx.lex[k].has(lexf::COMMON | lexf::TITLE | lexf::DEMONYM)
        && (after_abd || !(cx.lex[k].freq_opt().map(|c| c >= kb::ORDINARY_WORD_MIN).unwrap_or(false) && !cx.lex[k].has(lexf::FIRST_NAME) && cx.lex[k].token_types & 1 == 0))
        && {
        let w = doc.tokens.norm(k);
        w.chars().count() >= 2 && (!cx.lex[k].has(lexf::STOPWORD) || cx.lex[k].has(lexf::FIRST_NAME | lexf::TOKEN_TYPES))
    };
    let mut last = j;
    for _ in 0..4 {
        if last >= end || !is_word(doc, last) {
            break;
        }
        let w = doc.tokens.norm(last);
        if !cx.kb.words.patronymic_joiners.contains(w) {
            break;
        }
        let mut k = last + 1;
        let abd = k < end && cx.kb.words.name_heads.contains(doc.tokens.norm(k));
        if abd {
            k += 1;
        }
        // (a family name after آل is any word: آل سعود)
        if !name_word(k, abd || cx.kb.words.family_joiners.contains(w)) {
            break;
        }
        last = k + 1;
    }
    last
}

/// `( word )` at `i` right after an organisation ending at `prev_end`: an
/// unknown name-like word (an acronym written in Arabic letters).
fn bracketed_acronym(cx: &Cx, prev_end: usize, i: usize, end: usize) -> bool {
    let doc = cx.doc;
    if i != prev_end + 1 || i + 1 >= end || prev_end >= doc.tokens.len() {
        return false;
    }
    let open = doc.tokens.norm(prev_end);
    let close = doc.tokens.norm(i + 1);
    open == "(" && close == ")" && is_name_token(cx, i) && !cx.lex[i].has(lexf::COMMON) && cx.lex[i].freq_opt().map(|c| c < 20).unwrap_or(true)
}

/// A known place (not a nationality, no proclitic) at `j`: its length and
/// country actor (None when the place has no country in the KB).
fn city_after(cx: &Cx, j: usize, end: usize) -> Option<(usize, Option<usize>)> {
    let kb = cx.kb;
    if j >= end || !is_word(cx.doc, j) || cx.demonym(j).is_some() {
        return None;
    }
    let (l, skip, a) = match_kb(cx, j, end)?;
    let actor = &kb.actors[a];
    if skip != 0 || actor.etype != EntityType::GPE {
        return None;
    }
    Some((l, actor.country.as_ref().and_then(|c| kb.country_actor.get(c)).copied()))
}

/// An organisation head in construct state before a known place, with an
/// optional article adjective that is no nationality (مصرف بغداد المركزي).
fn org_of_place(cx: &Cx, i: usize, end: usize) -> Option<Cand> {
    let doc = cx.doc;
    let v = cx.vars(i).iter().find(|v| v.lex.has(lexf::ORG_HEAD))?;
    let skip = v.skip;
    if !strip_allowed(cx, i, skip) {
        return None;
    }
    let (l, _) = city_after(cx, i + 1, end)?;
    let mut last = i + 1 + l;
    if last < end && is_word(doc, last) {
        let w = doc.tokens.norm(last);
        let lx = &cx.lex[last];
        if w.starts_with(ARTICLE) && marsad_text::ends_with_any(w, &cx.kb.words.adjective_endings) && cx.demonym(last).is_none() && !lx.has(lexf::TITLE | lexf::DEMONYM) && match_kb(cx, last, end).is_none() {
            last += 1;
        }
    }
    let name = (i..last).map(|j| if j == i { strip_to(doc.tokens.norm(j), skip) } else { doc.tokens.norm(j).to_string() }).collect::<Vec<_>>().join(" ");
    Some(Cand { first: i, last, skip, etype: EntityType::ORG, actor: ActorId::Local(name), source: "rule" })
}

/// A frequent word that the clitic segmenter splits a proclitic (و ف ب ل ك س) off.
fn has_proclitic(cx: &Cx, j: usize) -> bool {
    if !cx.lex[j].has(lexf::FREQUENT_CLITIC_LIKE) {
        return false;
    }
    // a proclitic before the article: للصحافيين، بالقرب (كوسبي is no ك + وسبي)
    let s = cx.seg_info(j);
    s & 0x0f > 0 && s & 0x10 != 0
}

/// "للشغل، للأنباء": a لل complement that may close an organisation name.
fn is_org_complement(kb: &Kb, w: &str) -> bool {
    w.starts_with(FUSED_ARTICLE) && w.chars().count() >= 5 && !kb.stopwords.contains(w)
}

/// Tokens of an organisation-name complement at `j`: "للشغل" (1), or a ل +
/// construct noun with its genitive "لنقابات العمال، لحقوق الإنسان" (2); 0 if none.
fn org_complement_len(cx: &Cx, j: usize, end: usize) -> usize {
    let (kb, doc) = (cx.kb, cx.doc);
    if j >= end || !is_word(doc, j) {
        return 0;
    }
    let w = doc.tokens.norm(j);
    if is_org_complement(kb, w) {
        return 1;
    }
    if w.starts_with('ل') && !w.starts_with(FUSED_ARTICLE) && w.chars().count() >= 5 && j + 1 < end && is_word(doc, j + 1) {
        let g = doc.tokens.norm(j + 1);
        let seg = marsad_text::segment_word(doc.tokens.text(doc.text(), j));
        let split = seg.segments.first().map(|s| s.kind == marsad_text::SegmentKind::Proclitic && s.form == "ل").unwrap_or(false);
        // "لتنظيم الدولة" opens another organisation's name
        let head_of_other = seg.stem().map(|st| kb.org_heads.contains(normalize_form(&st.form).as_str())).unwrap_or(false);
        if split && !head_of_other && g.starts_with(ARTICLE) && g.chars().count() >= 4 && !cx.lex[j + 1].has(lexf::STOPWORD) && cx.demonym(j + 1).is_none() {
            return 2;
        }
    }
    0
}

fn normalize_form(f: &str) -> String {
    marsad_text::normalize_str(f)
}

/// A definite organisation head with an article-adjective chain that names a
/// country or ends in a لل complement: الاتحاد العام التونسي للشغل،
/// الرابطة التونسية للدفاع، المجلس الانتقالي الجنوبي.
fn rule_org_definite(cx: &Cx, i: usize, end: usize) -> Option<Cand> {
    let doc = cx.doc;
    let skip = if cx.lex[i].has(lexf::ORG_HEAD_DEFINITE) {
        0
    } else if !cx.any(i, lexf::ORG_HEAD_DEFINITE) {
        return None;
    } else {
        let v = cx.vars(i).iter().find(|v| v.skip > 0 && v.lex.has(lexf::ORG_HEAD_DEFINITE))?;
        if !strip_allowed(cx, i, v.skip) {
            return None;
        }
        v.skip
    };
    let mut last = i + 1;
    let mut country = false;
    while last < end && last < i + 4 && is_word(doc, last) {
        let w = doc.tokens.norm(last);
        // (stopword adjectives such as العام belong to such names)
        if !w.starts_with(ARTICLE) || cx.lex[last].has(lexf::TITLE | lexf::ORG_HEAD_DEFINITE) {
            break;
        }
        if cx.demonym(last).is_some() {
            country = true;
        } else if match_kb(cx, last, end).is_some() {
            break;
        }
        last += 1;
    }
    if last == i + 1 {
        return None;
    }
    // a known name (الاتحاد الأوروبي) is not extended by a complement
    if match_kb(cx, i, end).map(|m| m.0 >= last - i).unwrap_or(false) {
        return None;
    }
    let clen = org_complement_len(cx, last, end);
    let complement = clen > 0;
    last += clen;
    if !(country || complement) {
        return None;
    }
    let name = (i..last).map(|j| if j == i { strip_to(doc.tokens.norm(j), skip) } else { doc.tokens.norm(j).to_string() }).collect::<Vec<_>>().join(" ");
    Some(Cand { first: i, last, skip, etype: EntityType::ORG, actor: ActorId::Local(name), source: "rule" })
}

/// A mention proposed by the statistical tagger starting at token `i`.
fn model_cand(cx: &Cx, tags: &[tagger::Tag], i: usize, end: usize) -> Option<Cand> {
    let (kb, doc) = (cx.kb, cx.doc);
    let t = tags.get(i)?;
    let etype = t.begin_type()?;
    // the tagger's span is kept only over name-like tokens
    if !is_name_token(cx, i) {
        return None;
    }
    let mut last = i + 1;
    while last < end && tags.get(last).map(|x| x.inside_of(etype)).unwrap_or(false) && is_word(doc, last) {
        if cx.lex[last].has(lexf::STOPWORD | lexf::DEMONYM | lexf::SECTOR_WORD) {
            break;
        }
        if match_kb(cx, last, end).is_some() {
            break;
        }
        // a future verb ends a name (سليم سيعود), and so does و + a frequent word (حازم ومناسب)
        if is_future_verb(kb, doc.tokens.norm(last)) {
            break;
        }
        if is_conjoined_word(cx, last) {
            break;
        }
        // a first name after an organisation word starts a person (الرابطة بسام الطريفي)
        if etype != EntityType::PER && cx.lex[last].has(lexf::FIRST_NAME) {
            break;
        }
        last += 1;
    }
    // a word with a proclitic is not the end of a name (جوزيب بوريل للصحافيين)
    while last > i + 1 && has_proclitic(cx, last - 1) {
        last -= 1;
    }
    // the tagger is not trusted on lone function words or nationality adjectives
    if (i..last).all(|j| !is_name_token(cx, j) && kb.lookup(doc.tokens.norm(j)).is_none()) {
        return None;
    }
    // a first name opens a person's name whatever type the tagger guessed
    let etype = if last - i >= 2 && kb.first_names.contains(doc.tokens.norm(i)) { EntityType::PER } else { etype };
    if last - i == 1 {
        let w = doc.tokens.norm(i);
        // مالي out of a place context is the adjective "financial"
        if cx.vars(i).iter().any(|v| v.lex.has(lexf::AMBIGUOUS_PLACE)) {
            return None;
        }
        if kb.demonym(w).is_some() || kb.common.contains(w) || w.ends_with("يا") || (w.starts_with(ARTICLE) && etype != EntityType::GPE) {
            return None;
        }
        // a frequent word with the article is no unknown place (الشمال، البلاد، الدولي)
        if w.starts_with(ARTICLE) && matches!(etype, EntityType::GPE | EntityType::LOC) && kb.freq.get(w).map(|&c| c >= kb::ORDINARY_WORD_MIN).unwrap_or(false) {
            return None;
        }
        // (checked on every proclitic reading: للجماعة، بريف)
        let common = cx.vars(i).iter().any(|v| {
            let f: &str = v.form.as_ref();
            kb.titles.contains(f) || kb.stopwords.contains(f) || kb.common.contains(f) || kb.sector_words.contains_key(f) || kb.org_heads.contains(f)
        });
        if common {
            return None;
        }
        // a future verb (سيزور، سيرد، ستعقد) is no name
        if is_future_verb(kb, w) {
            return None;
        }
    }
    // برصاص قناص، بتوطين: a first word that is ب/ل + a known word opens no person
    if etype == EntityType::PER && preposition_plus_word(cx, i) && kb.lookup(doc.tokens.norm(i)).is_none() {
        return None;
    }
    {
    }
    let (skip, v) = proclitic_variants(doc.tokens.norm(i)).last().map(|(s, v)| (*s, v.to_string())).unwrap_or((0, String::new()));
    let (skip, v) = if last - i == 1 && v.chars().count() < 2 { (0, doc.tokens.norm(i).to_string()) } else { (skip, v) };
    let _ = v;
    let skip = model_skip(doc, i, skip);
    // the local id is the name without its proclitics (وميسان and ميسان are one actor)
    let name = (i..last).map(|j| if j == i { strip_to(doc.tokens.norm(j), skip) } else { doc.tokens.norm(j).to_string() }).collect::<Vec<_>>().join(" ");
    Some(Cand { first: i, last, skip, etype, actor: ActorId::Local(name), source: "model" })
}

/// و + a frequent word that is no name (ومناسب، والوزير).
fn is_conjoined_word(cx: &Cx, j: usize) -> bool {
    cx.norm(j).starts_with('و') && !cx.lex[j].has(lexf::FIRST_NAME | lexf::TOKEN_TYPES) && cx.vars(j).iter().any(|v| v.skip == 1 && v.lex.freq_opt().map(|c| c >= 50).unwrap_or(false) && !v.lex.has(lexf::FIRST_NAME | lexf::TOKEN_TYPES))
}

/// سيزور، ستعقد، سنرد: a verb with the future prefix (not a known name).
fn is_future_verb(kb: &Kb, w: &str) -> bool {
    // (the present tense after the prefix must be a known word form: ستافرينديو is a name)
    w.chars().count() >= 4
        && kb.words.has_future_prefix(w)
        && kb.lookup(w).is_none()
        && !kb.first_names.contains(w)
        && kb.freq.get(&w['س'.len_utf8()..]).map(|&c| c >= 20).unwrap_or(false)
}

/// Strip a proclitic the model's span would include only when the rest is a
/// known word form (the tagger works on whole tokens).
fn model_skip(doc: &Doc, i: usize, _skip: usize) -> usize {
    let w = doc.tokens.norm(i);
    let seg = marsad_text::segment_normalized_word(w);
    let n = seg.segments.iter().filter(|s| s.kind == marsad_text::SegmentKind::Proclitic).map(|s| s.form.chars().count()).sum::<usize>();
    if seg.segments.iter().any(|s| s.kind == marsad_text::SegmentKind::Article) && w.starts_with(FUSED_ARTICLE) {
        return 1;
    }
    n
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

/// A canonical actor by id (knowledge-base ids, and institution ids such as
/// `irq-mod`, `usa-mofa`).
pub fn actor(id: &str) -> Option<ActorInfo> {
    let kb = kb();
    if let Some(&i) = kb.by_id.get(id) {
        return Some(info_of(kb, i));
    }
    let (c, suffix) = id.split_once('-')?;
    let ca = *kb.by_id.get(c)?;
    let inst = kb.institutions.iter().position(|x| x.suffix == suffix)?;
    Some(actor_info(kb, &ActorId::Inst(inst, ca)))
}

/// The country actor named by a nationality adjective or demonym, given in
/// normalised form, with or without the article and proclitics
/// (الأميركية، أميركي، العراقيين، إيرانيين → USA, IRQ, IRN).
pub fn nationality(word_norm: &str) -> Option<ActorInfo> {
    let kb = kb();
    // (the quote and event layers ask about the same words again and again)
    let country = NATIONALITY_CACHE.with(|c| {
        if let Some(&v) = c.borrow().get(word_norm) {
            return v;
        }
        let w = marsad_text::normalize_str(word_norm);
        let v = kb.demonym(&w).map(|i| i as u32).unwrap_or(u32::MAX);
        let mut c = c.borrow_mut();
        if c.len() >= 100_000 {
            c.clear();
        }
        c.insert(word_norm, v);
        v
    });
    (country != u32::MAX).then(|| info_of(kb, country as usize))
}

thread_local! {
    /// [`nationality`]'s country actor for the words seen by this thread (u32::MAX: none).
    static NATIONALITY_CACHE: std::cell::RefCell<marsad_text::WordTable<u32>> = std::cell::RefCell::new(marsad_text::WordTable::default());
}

/// Resolve a description (tokens `first..last` of `doc`), such as
/// "القوات الأميركية" (USA, MIL), "قوات الأمن" (sector SEC/MIL, country from
/// context) or "محتجين إيرانيين" (IRN, CVL), to an actor.
pub fn describe(doc: &Doc, first: usize, last: usize) -> Option<ActorInfo> {
    let kb = kb();
    let last = last.min(doc.tokens.len());
    if first >= last {
        return None;
    }
    let span = doc.token_span(first, last);
    // an entity inside the description names the actor
    if let Some(e) = doc.entities.iter().find(|e| e.start >= span.start && e.end <= span.end && e.actor.is_some()) {
        if e.end - e.start == span.end - span.start || e.entity_type != EntityType::GPE {
            return e.actor.as_deref().and_then(|id| {
                actor(id).or_else(|| Some(ActorInfo { id: id.to_string(), name: e.text.clone(), entity_type: e.entity_type, country: e.country.clone(), sector: e.sector.clone() }))
            });
        }
    }
    let mut country: Option<usize> = None;
    let mut sector: Option<String> = None;
    for j in first..last {
        if !is_word(doc, j) {
            continue;
        }
        let w = doc.tokens.norm(j);
        if country.is_none() {
            country = kb.demonym(w);
        }
        if sector.is_none() {
            for (_, v) in proclitic_variants(w) {
                if let Some(s) = kb.sector_words.get(v.as_ref() as &str) {
                    sector = Some(s.clone());
                    break;
                }
            }
        }
    }
    if country.is_none() {
        // a place entity in the description (قوات الأمن في العراق)
        if let Some(e) = doc.entities.iter().find(|e| e.start >= span.start && e.end <= span.end && e.country.is_some()) {
            country = e.country.as_ref().and_then(|c| kb.country_actor.get(c)).copied();
        }
    }
    if country.is_none() && sector.is_none() {
        return None;
    }
    let (id, name, ctry) = match country {
        Some(c) => (kb.actors[c].id.clone(), kb.actors[c].name.clone(), kb.actors[c].country.clone()),
        None => (format!("local:{}", norm_name(&span.text)), span.text.clone(), None),
    };
    Some(ActorInfo { id, name, entity_type: EntityType::ORG, country: ctry, sector })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod prefilter_tests {
    //! The rules skip tokens on flag tests (`Cx::any`, `title_near`, the
    //! inlined halves of `match_kb`, `match_inst`, `match_fuzzy`): on a text
    //! full of known names, none of those tests may reject a token at which
    //! the full search finds something.
    use super::*;

    /// The one-edit test as the earlier version computed it (character vectors).
    fn reference_one_edit(a: &str, b: &str) -> bool {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        if a == b || a.len().abs_diff(b.len()) > 1 {
            return false;
        }
        let mut i = 0;
        while i < a.len().min(b.len()) && a[i] == b[i] {
            i += 1;
        }
        if a.len() == b.len() {
            a[i + 1..] == b[i + 1..]
        } else if a.len() > b.len() {
            a[i + 1..] == b[i..]
        } else {
            a[i..] == b[i + 1..]
        }
    }

    #[test]
    fn one_edit_matches_the_reference() {
        let kb = kb();
        let mut words: Vec<&str> = kb.fuzzy.values().flatten().map(|(w, _)| w.as_str()).collect();
        words.sort();
        words.dedup();
        let words: Vec<&str> = words.into_iter().step_by(13).take(300).collect();
        for a in &words {
            let chars: Vec<char> = a.chars().collect();
            let mut others: Vec<String> = vec![a.to_string(), String::new(), "x".into()];
            for k in 0..=chars.len() {
                let (head, tail) = chars.split_at(k);
                let s = |mid: &str, skip: usize| head.iter().collect::<String>() + mid + &tail.iter().skip(skip).collect::<String>();
                others.push(s("", 1));
                others.push(s("ي", 1));
                others.push(s("ي", 0));
                others.push(s("ab", 0));
            }
            others.extend(words.iter().take(40).map(|w| w.to_string()));
            for b in &others {
                assert_eq!(within_one_edit(a, b), reference_one_edit(a, b), "{a} {b}");
                assert_eq!(within_one_edit(b, a), reference_one_edit(b, a), "{b} {a}");
            }
        }
    }

    /// Knowledge-base names (some misspelt, some after و), titles,
    /// institution heads and numbered units between frequent words.
    fn sample_doc() -> Doc {
        let kb = kb();
        fn sorted(mut v: Vec<&str>) -> Vec<&str> {
            v.sort();
            v
        }
        let names = sorted(kb.names.keys().map(String::as_str).collect());
        let heads = sorted(kb.inst_heads.keys().map(String::as_str).collect());
        let titles = sorted(kb.titles.iter().collect());
        let units = sorted(kb.numbered_unit_heads.iter().collect());
        let fillers = sorted(kb.freq.iter().filter(|(_, &c)| c > 5000).map(|(w, _)| w.as_str()).collect());
        let mut text = String::new();
        for (k, name) in names.iter().step_by(5).take(3000).enumerate() {
            let name = match k % 4 {
                0 => format!("و{name}"),
                1 => {
                    // one letter less in a long word (الولاات المتحدة)
                    let mut ws: Vec<String> = name.split(' ').map(String::from).collect();
                    if let Some(w) = ws.iter_mut().find(|w| w.chars().count() >= 5) {
                        w.pop();
                    }
                    ws.join(" ")
                }
                _ => name.to_string(),
            };
            let filler = fillers[(k * 37) % fillers.len()];
            let title = titles[k % titles.len()];
            let head = heads[k % heads.len()];
            let unit = units[k % units.len()];
            text.push_str(&format!("{filler} {title} {name} {head} {unit} {k} {name} "));
            if k % 3 == 2 {
                text.push_str(". ");
            }
        }
        Doc::new(&text, "2024-01-01")
    }

    /// Every reading of a word has the word's tail, so the short-form
    /// filter never rejects a word with a reading among its words.
    #[test]
    fn tail_filter_keeps_every_reading() {
        let kb = kb();
        let doc = sample_doc();
        let cx = Cx::new(kb, &doc);
        for i in 0..doc.tokens.len() {
            for v in cx.vars(i) {
                let mut f = TailFilter::default();
                f.insert(&v.form);
                assert!(f.may_have_tail_of(cx.norm(i)), "{} {}", cx.norm(i), v.form);
            }
        }
        for w in ["وللاتحاد", "للعراق", "فبلغراد", "ab", "a", "", "ولل"] {
            let mut f = TailFilter::default();
            for (_, v) in proclitic_variants(w).iter() {
                f.insert(v);
            }
            assert!(f.may_have_tail_of(w), "{w}");
        }
        let mut f = TailFilter::default();
        f.insert("بغداد");
        assert!(!f.may_have_tail_of("دمشق"));
    }

    /// Skipping the words where [`may_start`] is false changes no
    /// candidate: on names, titles and heads between frequent words, and on
    /// real news (with the tagger when one is embedded).
    #[test]
    fn skipping_quiet_words_changes_nothing() {
        let kb = kb();
        let news = Doc::new(include_str!("../../../examples/seed.txt"), "2024-01-27");
        for doc in [sample_doc(), news] {
            for use_model in [false, tagger::has_model()] {
                let fast = find_with(kb, &doc, use_model, true);
                let full = find_with(kb, &doc, use_model, false);
                assert!(fast.len() > 100, "{}", fast.len());
                assert_eq!(format!("{fast:?}"), format!("{full:?}"));
            }
        }
    }

    #[test]
    fn the_pre_filters_never_reject_a_match() {
        let kb = kb();
        let doc = sample_doc();
        let cx = Cx::new(kb, &doc);
        let end = doc.tokens.len();
        let mut buf = String::new();
        let (mut kb_hits, mut fuzzy_hits, mut inst_hits, mut titles, mut units) = (0, 0, 0, 0, 0);
        for i in 0..end {
            let union = cx.vars(i).iter().fold(0, |f, v| f | v.lex.flags);
            assert_eq!(cx.any[i], union, "{}", cx.norm(i));
            if !is_word(&doc, i) {
                continue;
            }
            let m = match_kb_search(&cx, i, end);
            assert_eq!(match_kb(&cx, i, end), m, "{}", cx.norm(i));
            kb_hits += usize::from(m.is_some());
            let f = match_fuzzy_search(&cx, i, end);
            assert_eq!(match_fuzzy(&cx, i, end), f, "{}", cx.norm(i));
            fuzzy_hits += usize::from(f.is_some());
            let ins = match_inst_search(&cx, i, end, &mut buf);
            assert_eq!(match_inst(&cx, i, end, &mut buf), ins, "{}", cx.norm(i));
            inst_hits += usize::from(ins.is_some());
            if i > 0 && title_before(&cx, i) {
                assert!(title_near(&cx, i), "{}", cx.norm(i));
                titles += 1;
            }
            if numbered_unit(&cx, i, end).is_some() {
                assert!(cx.any(i, lexf::NUMBERED_UNIT_HEAD), "{}", cx.norm(i));
                units += 1;
            }
        }
        assert!(kb_hits > 1000 && fuzzy_hits > 100 && inst_hits > 100 && titles > 1000 && units > 100, "{kb_hits} {fuzzy_hits} {inst_hits} {titles} {units}");
    }
}
