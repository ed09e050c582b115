//! One id per distinct normalised word on a thread, so that the layers'
//! per-word-type memos index a vector instead of hashing the word again.
//!
//! Why: the tagger, the entity rules and the event layer each keep a
//! per-thread memo of what they work out about a word type. Each probed its
//! memo with the word's text, and a probe into a table of tens of thousands
//! of words is a likely cache miss: on the benchmark sample those probes
//! were a fifth of the time (`perf record -e cpu-clock`), though few of the
//! instructions. The document model now probes one table per token
//! ([`Tokens::assign_word_ids`], called by `Doc::new`), every token carries
//! the id ([`Tokens::word_id`]), and a layer maps ids to its own records
//! with a [`TypeIds`] vector.
//!
//! Ids belong to one *vocabulary*: this thread's table of words, emptied
//! when it grows past [`MAX_WORDS`] (a long ingest). Each vocabulary has a
//! stamp that is never reused in the process, the tokens record it, and a
//! [`TypeIds`] answers only for tokens of the vocabulary it was filled
//! from. Tokens made on another thread or before a reset are therefore
//! never read with the wrong ids: the layer falls back to its own probe.

use crate::fast_hash::WordTable;
use crate::token::Tokens;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

/// A vocabulary holding this many words is replaced by an empty one (about
/// 10 MB of table; a day of news has a few tens of thousands of words).
pub const MAX_WORDS: usize = 1 << 18;

/// Not a word id ([`MAX_WORDS`] keeps ids far below it).
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// The next vocabulary's stamp (0 means "no vocabulary").
static NEXT_STAMP: AtomicU64 = AtomicU64::new(1);

/// This thread's words and their ids.
pub(crate) struct Vocabulary {
    ids: WordTable<u32>,
    stamp: u64,
}

thread_local! {
    static VOCABULARY: RefCell<Option<Vocabulary>> = const { RefCell::new(None) };
}

impl Vocabulary {
    fn new() -> Self {
        Vocabulary { ids: WordTable::with_capacity(1 << 15), stamp: NEXT_STAMP.fetch_add(1, Ordering::Relaxed) }
    }
    pub(crate) fn stamp(&self) -> u64 {
        self.stamp
    }
    /// The id of normalised word `w` if it has one, else [`UNKNOWN`].
    #[inline]
    pub(crate) fn known(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(UNKNOWN)
    }
    /// The id of normalised word `w`, given on first sight (called for the
    /// words [`Vocabulary::known`] did not know: one probe finds or enters).
    #[inline]
    pub(crate) fn id(&mut self, w: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.get_or_insert_with(w, || next)
    }
}

/// Runs `run` with this thread's vocabulary (a new one when there is none
/// yet or it is full).
pub(crate) fn with_vocabulary<R>(run: impl FnOnce(&mut Vocabulary) -> R) -> R {
    VOCABULARY.with(|v| {
        let mut v = v.borrow_mut();
        if v.as_ref().is_some_and(|v| v.ids.len() >= MAX_WORDS) {
            *v = None;
        }
        run(v.get_or_insert_with(Vocabulary::new))
    })
}

/// A layer's map from the vocabulary's word ids to its own per-word-type
/// ids. It answers only for tokens of the vocabulary it was last filled
/// from; [`TypeIds::set`] with tokens of another vocabulary starts it afresh.
#[derive(Debug, Default, Clone)]
pub struct TypeIds {
    stamp: u64,
    ids: Vec<u32>,
}

impl TypeIds {
    const NONE: u32 = u32::MAX;

    /// The id remembered for the word of token `i`.
    #[inline]
    pub fn get(&self, tokens: &Tokens, i: usize) -> Option<u32> {
        if tokens.vocabulary() != self.stamp {
            return None;
        }
        let w = tokens.word_id(i)?;
        self.ids.get(w as usize).copied().filter(|&id| id != Self::NONE)
    }
    /// Remember `id` for the word of token `i`.
    pub fn set(&mut self, tokens: &Tokens, i: usize, id: u32) {
        let Some(w) = tokens.word_id(i) else { return };
        if tokens.vocabulary() != self.stamp {
            self.ids.clear();
            self.stamp = tokens.vocabulary();
        }
        let w = w as usize;
        if self.ids.len() <= w {
            self.ids.resize(w + 1, Self::NONE);
        }
        self.ids[w] = id;
    }
    /// Forget every id (the layer emptied its memo).
    pub fn clear(&mut self) {
        self.ids.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn tokenize_with_ids(text: &str) -> Tokens {
        let mut t = tokenize(text);
        t.assign_word_ids();
        t
    }

    #[test]
    fn equal_words_share_an_id_and_other_words_do_not() {
        let mut t = tokenize("قال الوزير إن الوزير قال. 12 12");
        assert_eq!(t.word_id(0), None, "plain tokenising assigns no ids");
        t.assign_word_ids();
        let ids: Vec<u32> = (0..t.len()).map(|i| t.word_id(i).unwrap()).collect();
        for i in 0..t.len() {
            for j in 0..t.len() {
                assert_eq!(ids[i] == ids[j], t.norm(i) == t.norm(j), "{} {}", t.norm(i), t.norm(j));
            }
        }
        assert_ne!(t.vocabulary(), 0);
    }

    #[test]
    fn type_ids_answer_only_for_their_vocabulary() {
        let a = tokenize_with_ids("قال الوزير");
        let mut m = TypeIds::default();
        assert_eq!(m.get(&a, 0), None);
        m.set(&a, 1, 7);
        assert_eq!(m.get(&a, 1), Some(7));
        assert_eq!(m.get(&a, 0), None);
        // the same word in a later text of this thread's vocabulary
        let b = tokenize_with_ids("الوزير");
        assert_eq!(m.get(&b, 0), Some(7));
        // tokens of another vocabulary (another thread) are never answered from this one
        let c = std::thread::spawn(|| tokenize_with_ids("الوزير قال")).join().unwrap();
        assert_ne!(c.vocabulary(), a.vocabulary());
        assert_eq!(m.get(&c, 0), None);
        m.set(&c, 1, 3);
        assert_eq!(m.get(&c, 1), Some(3));
        assert_eq!(m.get(&a, 1), None);
        // tokens made without a vocabulary
        assert_eq!(m.get(&Tokens::default(), 0), None);
        m.clear();
        assert_eq!(m.get(&c, 1), None);
    }
}
