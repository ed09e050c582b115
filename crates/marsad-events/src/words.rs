//! The per-thread memo of word-type facts.
//!
//! Why: the rules ask the same questions about a word wherever it occurs
//! (its cue classes, its trigger readings, whether any clitic reading is an
//! actor key, whether it is a verb form …), and each answer costs several
//! hash look-ups over the word's clitic readings. The sample has 200 k tokens
//! but only ~32 k distinct normalised words, so each token is looked up once
//! here (one probe) and the answers are kept with the word type: the
//! trigger readings are computed when a word is first met, the other facts
//! the first time a rule asks.
//!
//! The facts depend on the word and the lexicon only, never on the
//! neighbouring tokens (multi-word readings keep their following words and
//! are checked against the text at each occurrence). The memo belongs to one
//! annotator: another annotator's first document on the thread clears it.

use crate::lexicon::{strip_article, variants, Lexicon, Pos};
use marsad_text::clitic::ARTICLE;
use marsad_text::TokenKind;
use std::cell::{Cell, RefCell};

/// A cue mask not looked up yet (no word has every class).
pub(crate) const UNKNOWN_CUES: u64 = u64::MAX;

/// The cue mask remembered in `cell` (one of a word's [`WordFacts`]),
/// found with `look_up` the first time a rule asks.
#[inline]
pub(crate) fn remembered_cues(cell: &Cell<u64>, look_up: impl FnOnce() -> u64) -> u64 {
    let m = cell.get();
    if m != UNKNOWN_CUES {
        return m;
    }
    let m = look_up();
    cell.set(m);
    m
}

/// A yes-or-no fact remembered in a word's facts `cell`: bit `known` says
/// it was worked out (with `look_up`, the first time a rule asks), bit `yes`
/// holds it.
#[inline]
pub(crate) fn remembered_fact(cell: &Cell<u16>, known: u16, yes: u16, look_up: impl FnOnce() -> bool) -> bool {
    let f = cell.get();
    if f & known != 0 {
        return f & yes != 0;
    }
    let v = look_up();
    cell.set(f | known | if v { yes } else { 0 });
    v
}

/// Past this many word types the memo starts afresh (memory bound).
const MAX_WORDS: usize = 200_000;

/// One trigger reading of a word: the entry, the words that must follow it
/// (bare forms, empty for single words) and whether it is a future form.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    pub trigger: u32,
    pub rest: Box<[String]>,
    pub future: bool,
}

/// What is known about one word type.
pub(crate) struct WordFacts {
    /// Cue classes of the word (bit mask of `Cue::bit`), [`UNKNOWN_CUES`] until asked.
    pub cues: Cell<u64>,
    /// The same with و/ف removed as well.
    pub loose_cues: Cell<u64>,
    /// Flags learnt on demand (`NO_ACTOR_KEY`, `VERB_FORM` … in lib.rs).
    pub facts: Cell<u16>,
    /// The word's trigger readings: a range of [`WordMemo::readings`].
    readings: (u32, u32),
    /// The memo index of the word without a leading و when that starts
    /// with the article ("والاتحاد" → "الاتحاد"), else [`NO_ARTICLE_FORM`]:
    /// the forms an organisation's short form can take (`Ctx::new`).
    pub article_form: u32,
}

/// See [`WordFacts::article_form`].
pub(crate) const NO_ARTICLE_FORM: u32 = u32::MAX;

/// Word types met by this thread's event annotator, and their facts.
#[derive(Default)]
pub(crate) struct WordMemo {
    /// The annotator whose lexicon the facts come from (0: none yet).
    owner: u64,
    ids: marsad_text::WordTable<u32>,
    /// Memo indices by the text layer's word ids: a repeated word costs an
    /// index, not a probe of `ids` (see `marsad_text::vocab`).
    by_vocab: marsad_text::vocab::TypeIds,
    words: Vec<WordFacts>,
    readings: Vec<Reading>,
}

thread_local! {
    static WORD_MEMO: RefCell<WordMemo> = RefCell::new(WordMemo::default());
}

/// The memo's entry for every token without a letter (punctuation, quote
/// marks, numbers): no key of the lexicon's tables is letterless (see the
/// tests), so such tokens have no facts and need no look-up.
pub(crate) const NO_WORD: u32 = 0;

/// Runs `f` with this thread's memo, filled with the words of `doc`'s tokens
/// (their indices in the memo, in token order).
pub(crate) fn with_memo<R>(owner: u64, lex: &Lexicon, doc: &marsad_doc::Doc, f: impl FnOnce(&WordMemo, Vec<u32>) -> R) -> R {
    WORD_MEMO.with(|m| {
        let ids = {
            let mut m = m.borrow_mut();
            if m.owner != owner || m.words.len() > MAX_WORDS {
                *m = WordMemo::new(owner, lex);
            }
            (doc.tokens.iter().enumerate())
                .map(|(i, t)| match t.kind {
                    TokenKind::Punct | TokenKind::Quote | TokenKind::Number => NO_WORD,
                    _ => m.id_at(lex, &doc.tokens, i),
                })
                .collect()
        };
        f(&m.borrow(), ids)
    })
}

impl WordMemo {
    /// An empty memo for annotator `owner`, with [`NO_WORD`] (the empty word).
    fn new(owner: u64, lex: &Lexicon) -> Self {
        // room for the word types of a few thousand articles: no rehashing on the way
        let mut m = WordMemo { owner, ids: marsad_text::WordTable::with_capacity(1 << 15), by_vocab: Default::default(), words: Vec::with_capacity(1 << 15), readings: Vec::new() };
        m.id(lex, "");
        m
    }

    /// The memo index of word `w`, added with its trigger readings when new.
    #[inline]
    pub fn id(&mut self, lex: &Lexicon, w: &str) -> u32 {
        // get, then insert on a miss: most calls are hits
        match self.ids.get(w) {
            Some(&i) => i,
            None => self.add(lex, w),
        }
    }

    /// The memo index of token `i`'s word ([`Self::id`] through the text
    /// layer's word id).
    #[inline]
    fn id_at(&mut self, lex: &Lexicon, tokens: &marsad_text::Tokens, i: usize) -> u32 {
        if let Some(id) = self.by_vocab.get(tokens, i) {
            return id;
        }
        let id = self.id(lex, tokens.norm(i));
        self.by_vocab.set(tokens, i, id);
        id
    }

    /// [`Self::id`] for a word not in the memo yet (kept out of line).
    #[inline(never)]
    fn add(&mut self, lex: &Lexicon, w: &str) -> u32 {
        let i = self.words.len() as u32;
        let from = self.readings.len() as u32;
        if lex.trigger_endings.may_have_suffix_key(w) {
            word_readings(lex, w, &mut self.readings);
        }
        let to = self.readings.len() as u32;
        self.words.push(WordFacts {
            cues: Cell::new(UNKNOWN_CUES),
            loose_cues: Cell::new(UNKNOWN_CUES),
            facts: Cell::new(0),
            readings: (from, to),
            article_form: NO_ARTICLE_FORM,
        });
        // (known absent: one hash and probe, where `insert` would look it up first)
        self.ids.get_or_insert_with(w, || i);
        // (after the insertion: the form without و is another word)
        let article_form = if w.starts_with(ARTICLE) {
            i
        } else {
            match w.strip_prefix('و') {
                Some(r) if r.starts_with(ARTICLE) => self.id(lex, r),
                _ => NO_ARTICLE_FORM,
            }
        };
        self.words[i as usize].article_form = article_form;
        i
    }

    /// The memo index of word `w` if it is there. Every word of the
    /// document's tokens is, and so is the article form of each.
    #[inline]
    pub fn get(&self, w: &str) -> Option<u32> {
        self.ids.get(w).copied()
    }

    #[inline]
    pub fn facts(&self, id: u32) -> &WordFacts {
        &self.words[id as usize]
    }

    /// The trigger readings of word `id`, in order of preference (see [`word_readings`]).
    #[inline]
    pub fn readings(&self, id: u32) -> &[Reading] {
        let (from, to) = self.words[id as usize].readings;
        &self.readings[from as usize..to as usize]
    }
}

/// Every trigger reading of the normalised word `w`, in order of preference:
/// with an article or preposition the noun readings first, and entries with
/// companion words (more specific) before those without; the same entry may
/// come twice (through two readings). Whether the words of a multi-word
/// reading follow is for the caller to check at each occurrence.
fn word_readings(lex: &Lexicon, w: &str, out: &mut Vec<Reading>) {
    let first = out.len();
    let vars = variants(w);
    let mut article = false;
    // whether the whole word names an actor ("وزير" is no و + verb): asked only after و/ف
    let mut full_is_actor = None;
    let mut last_bare = None;
    for &(off, clitic) in vars.iter() {
        let key = &w[off..];
        let verb = !clitic && (off == 0 || !*full_is_actor.get_or_insert_with(|| lex.actors.contains_key(strip_article(w))));
        if !verb {
            article = true;
        }
        let bare = if clitic { key } else { strip_article(key) };
        // "الاجتماع" and its reading without the article have one bare form:
        // looked up once (a second look-up could only repeat the same entries)
        let noun = last_bare != Some(bare);
        last_bare = Some(bare);
        // without an article the verb key is the bare key: one look-up for both
        let same = bare.len() == key.len();
        let at_key = if verb || (noun && same) { lex.forms.get(key) } else { None };
        if verb {
            for h in at_key.map_or(&[][..], |f| &f.verb[..]) {
                out.push(Reading { trigger: h.trigger, rest: Box::default(), future: h.future });
            }
        }
        if !noun {
            continue;
        }
        let at_bare = if same { at_key } else { lex.forms.get(bare) };
        for h in at_bare.map_or(&[][..], |f| &f.noun[..]) {
            out.push(Reading { trigger: h.trigger, rest: h.rest.clone().into_boxed_slice(), future: false });
        }
    }
    let noun_first = article || w.starts_with(ARTICLE);
    // (a stable sort: readings of equal rank keep their order)
    out[first..].sort_by_key(|r| {
        let t = &lex.triggers[r.trigger as usize];
        ((t.pos == Pos::Verb) == noun_first, t.companions.is_empty())
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(Lexicon::load)
    }

    /// [`NO_WORD`] stands for punctuation, quote marks and numbers: exact only
    /// while every key the facts come from has a letter.
    #[test]
    fn every_key_has_a_letter() {
        let lex = lexicon();
        for k in lex.cues.keys().chain(lex.forms.keys()).chain(lex.actors.keys()) {
            assert!(k.chars().any(char::is_alphabetic), "letterless key {k:?}");
        }
        for w in ["", ",", "\"", "2024", "١٢", "%", "-"] {
            assert_eq!(lex.cue_mask(w), 0);
            assert!(!lex.is_verb_form(w));
            assert!(lex.forms.get(w).is_none());
        }
    }

    /// The memo's readings are those of a direct computation, on a miss and on a hit.
    #[test]
    fn readings_are_remembered_unchanged() {
        let lex = lexicon();
        let mut m = WordMemo::new(1, lex);
        let words: Vec<&str> = lex.forms.keys().take(200).collect();
        for round in 0..2 {
            for &w in &words {
                for x in [w.to_string(), format!("و{w}"), format!("ال{w}"), format!("بال{w}")] {
                    let id = m.id(lex, &x);
                    let mut direct = Vec::new();
                    word_readings(lex, &x, &mut direct);
                    let got: Vec<(u32, bool, usize)> = m.readings(id).iter().map(|r| (r.trigger, r.future, r.rest.len())).collect();
                    let want: Vec<(u32, bool, usize)> = direct.iter().map(|r| (r.trigger, r.future, r.rest.len())).collect();
                    assert_eq!(got, want, "{x} (round {round})");
                }
            }
        }
        assert!(words.iter().any(|w| !m.readings(m.get(w).unwrap()).is_empty()));
    }

    #[test]
    fn article_forms() {
        let lex = lexicon();
        let mut m = WordMemo::new(1, lex);
        let a = m.id(lex, "والاتحاد");
        let b = m.get("الاتحاد").expect("the article form is added with the word");
        assert_eq!(m.facts(a).article_form, b);
        assert_eq!(m.facts(b).article_form, b);
        let c = m.id(lex, "اتحاد");
        assert_eq!(m.facts(c).article_form, NO_ARTICLE_FORM);
        let d = m.id(lex, "وزير");
        assert_eq!(m.facts(d).article_form, NO_ARTICLE_FORM);
    }
}
