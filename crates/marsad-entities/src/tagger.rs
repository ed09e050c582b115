//! A statistical named-entity tagger: an averaged perceptron over hashed
//! features with greedy left-to-right decoding (BIO tags, previous tags as
//! features). Trained by `examples/train_ner.rs` on ANERcorp (see
//! data/ner/PROVENANCE.md); the model is embedded (data/ner/model.bin).
//!
//! Why this model: it trains in seconds on one core, the model is a flat
//! table of small weights, and inference costs one hash look-up per feature
//! (about 20 per token), which keeps the layer within the throughput budget.

use crate::kb::{kb, lexf, Kb, Lex};
use marsad_doc::{Doc, EntityType};
use marsad_text::TokenKind;
use crate::kb::HashMap;
use std::sync::OnceLock;

/// Whether decoding skips the frequent non-name words of data/ner/common_words.txt
/// (on by default; the ANERcorp evaluation turns it off because that list is
/// derived from NewsFANE, which contains the ANERcorp test text).
pub static SKIP_COMMON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

const MODEL: &[u8] = include_bytes!("../../../data/ner/model.bin");

/// Number of tags: O, then B and I for PER, ORG, LOC, MISC.
pub const NT: usize = 9;
pub const TYPES: [EntityType; 4] = [EntityType::PER, EntityType::ORG, EntityType::GPE, EntityType::MISC];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);
    pub fn begin(t: usize) -> Tag {
        Tag(1 + 2 * t as u8)
    }
    pub fn inside(t: usize) -> Tag {
        Tag(2 + 2 * t as u8)
    }
    /// Type index (0..4) of a B or I tag.
    pub fn type_index(self) -> Option<usize> {
        (self.0 > 0).then(|| ((self.0 - 1) / 2) as usize)
    }
    pub fn is_begin(self) -> bool {
        self.0 > 0 && (self.0 - 1).is_multiple_of(2)
    }
    pub fn begin_type(self) -> Option<EntityType> {
        // an I tag with no B before it also starts a mention
        self.type_index().map(|t| TYPES[t])
    }
    pub fn inside_of(self, t: EntityType) -> bool {
        !self.is_begin() && self.type_index().map(|x| TYPES[x] == t).unwrap_or(false)
    }
    /// Parse ANERcorp-style labels (B-PERS, I-LOC, O…).
    pub fn parse(s: &str) -> Tag {
        let (bi, ty) = match s.split_once('-') {
            Some(x) => x,
            None => return Tag::O,
        };
        let t = match ty {
            "PERS" | "PER" => 0,
            "ORG" => 1,
            "LOC" | "GPE" => 2,
            "MISC" | "MIS" => 3,
            _ => return Tag::O,
        };
        if bi == "B" {
            Tag::begin(t)
        } else {
            Tag::inside(t)
        }
    }
}

/// The weights: feature hash → one weight per tag.
#[derive(Debug, Default, Clone)]
pub struct Model {
    pub weights: HashMap<u64, [f32; NT]>,
}

impl Model {
    /// Decode the binary model: u32 count, then (u64 hash, NT × f32) records, little endian.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let (scale, records) = quantized_records(b)?;
        let mut weights = HashMap::with_capacity_and_hasher(records.len(), Default::default());
        for (h, q) in records {
            weights.insert(h, q.map(|q| q as f32 * scale));
        }
        (!weights.is_empty()).then_some(Model { weights })
    }

    /// Encode, keeping features whose largest weight is at least `min_abs`.
    pub fn to_bytes(&self, min_abs: f32) -> Vec<u8> {
        let kept: Vec<(&u64, &[f32; NT])> =
            self.weights.iter().filter(|(_, w)| w.iter().any(|x| x.abs() >= min_abs)).collect();
        let max = kept.iter().flat_map(|(_, w)| w.iter()).fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
        let scale = max / 32767.0;
        let mut out = Vec::with_capacity(8 + kept.len() * (8 + 2 * NT));
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        let mut kept = kept;
        kept.sort_by_key(|(h, _)| **h);
        for (h, w) in kept {
            out.extend_from_slice(&h.to_le_bytes());
            for x in w {
                out.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn scores(&self, feats: &[u64], out: &mut [f32; NT]) {
        *out = [0.0; NT];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for k in 0..NT {
                    out[k] += w[k];
                }
            }
        }
    }
}

/// One stored feature: its hash and its weights as multiples of the scale.
type QuantizedRecord = (u64, [i16; NT]);

/// The records of a binary model as stored: the scale, then the features in
/// file order.
fn quantized_records(b: &[u8]) -> Option<(f32, Vec<QuantizedRecord>)> {
    let n = u32::from_le_bytes(b.get(0..4)?.try_into().ok()?) as usize;
    let scale = f32::from_le_bytes(b.get(4..8)?.try_into().ok()?);
    let rec = 8 + 2 * NT;
    let body = b.get(8..8usize.checked_add(n.checked_mul(rec)?)?)?;
    let records = body
        .chunks_exact(rec)
        .map(|r| {
            let h = u64::from_le_bytes(r[..8].try_into().unwrap_or_default());
            let mut q = [0i16; NT];
            for (k, x) in q.iter_mut().enumerate() {
                *x = i16::from_le_bytes([r[8 + 2 * k], r[9 + 2 * k]]);
            }
            (h, q)
        })
        .collect();
    Some((scale, records))
}

/// The embedded model, if one was trained.
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL)).as_ref()
}

const FNV: u64 = 0xcbf29ce484222325;
fn mix(h: u64, bytes: &[u8]) -> u64 {
    let mut h = h;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
fn feat(template: u8, parts: &[&str]) -> u64 {
    let mut h = mix(FNV, &[template]);
    for p in parts {
        h = mix(h, p.as_bytes());
        h = mix(h, &[0xff]);
    }
    h
}

/// A word of a sentence as the tagger sees it.
pub struct Word<'a> {
    pub norm: &'a str,
    pub kind: TokenKind,
    /// What the word tables know about `norm` and about its stem.
    pub lex: Lex,
    pub stem_lex: Lex,
}

impl<'a> Word<'a> {
    pub fn new(norm: &'a str, kind: TokenKind) -> Self {
        let kb = kb();
        Self::with_lex(kb, norm, kind, kb.lex(norm))
    }
    /// With the table entry of `norm` already looked up.
    pub fn with_lex(kb: &Kb, norm: &'a str, kind: TokenKind, lex: Lex) -> Self {
        let st = stem(norm);
        let stem_lex = if st.len() == norm.len() { lex } else { kb.lex(st) };
        Word { norm, kind, lex, stem_lex }
    }
}

/// `token_types` of a word, else of its stem.
fn token_types(w: Option<&Word>) -> u8 {
    match w {
        None => 0,
        Some(w) if w.lex.has(lexf::TOKEN_TYPES) => w.lex.token_types,
        Some(w) if w.stem_lex.has(lexf::TOKEN_TYPES) => w.stem_lex.token_types,
        Some(_) => 0,
    }
}

fn shape(w: &Word) -> &'static str {
    match w.kind {
        TokenKind::Word => "w",
        TokenKind::Latin => "L",
        TokenKind::Number => "9",
        TokenKind::Quote => "q",
        _ => ".",
    }
}

fn stem(w: &str) -> &str {
    let mut s = w;
    for p in ["وال", "بال", "لل", "فال", "كال", "ال"] {
        if let Some(r) = s.strip_prefix(p) {
            // (at least two characters: stop counting at the second)
            if r.chars().nth(1).is_some() {
                s = r;
                break;
            }
        }
    }
    s
}

/// The first `n` characters of `w` (all of it when shorter).
fn prefix(w: &str, n: usize) -> &str {
    let b = w.as_bytes();
    let (mut end, mut k) = (0, 0);
    while end < b.len() && k < n {
        end += 1;
        while end < b.len() && is_continuation(b[end]) {
            end += 1;
        }
        k += 1;
    }
    w.get(..end).unwrap_or(w)
}
/// The last `n` characters of `w` (all of it when shorter).
fn suffix(w: &str, n: usize) -> &str {
    let b = w.as_bytes();
    let (mut start, mut k) = (b.len(), 0);
    while start > 0 && k < n {
        start -= 1;
        while start > 0 && is_continuation(b[start]) {
            start -= 1;
        }
        k += 1;
    }
    w.get(start..).unwrap_or(w)
}
/// Whether a UTF-8 byte continues a character (10xxxxxx).
#[inline]
fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// Observation features of word `i` (not depending on previous tags).
pub fn features(words: &[Word], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let word = |k: isize| -> Option<&Word> {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            None
        } else {
            Some(&words[j as usize])
        }
    };
    let get = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            "<s>"
        } else {
            words[j as usize].norm
        }
    };
    let w = get(0);
    let st = stem(w);
    out.push(feat(0, &[]));
    out.push(feat(1, &[w]));
    out.push(feat(2, &[st]));
    out.push(feat(3, &[get(-1)]));
    out.push(feat(4, &[get(1)]));
    out.push(feat(5, &[get(-2)]));
    out.push(feat(6, &[get(2)]));
    out.push(feat(7, &[get(-1), w]));
    out.push(feat(8, &[w, get(1)]));
    out.push(feat(9, &[prefix(w, 2)]));
    out.push(feat(10, &[suffix(w, 2)]));
    out.push(feat(11, &[suffix(w, 3)]));
    out.push(feat(12, &[prefix(st, 3)]));
    out.push(feat(13, &[shape(&words[i])]));
    out.push(feat(14, &[stem(get(-1))]));
    out.push(feat(15, &[stem(get(1))]));
    let mut gb = [0u8; 6];
    let mut gn = 0;
    let (me, prev) = (&words[i], word(-1));
    let mut flag = |on: bool, c: u8| {
        if on {
            gb[gn] = c;
            gn += 1;
        }
    };
    flag(me.stem_lex.has(lexf::FIRST_NAME) || me.lex.has(lexf::FIRST_NAME), b'F');
    flag(prev.map(|p| p.lex.has(lexf::TITLE) || p.stem_lex.has(lexf::TITLE)).unwrap_or(false), b'T');
    flag(me.lex.has(lexf::FIRST_TOKEN) || me.stem_lex.has(lexf::FIRST_TOKEN), b'K');
    flag(me.lex.has(lexf::DEMONYM), b'D');
    flag(me.lex.has(lexf::STOPWORD), b'S');
    flag(prev.map(|p| p.lex.has(lexf::ORG_HEAD)).unwrap_or(false), b'H');
    let g = std::str::from_utf8(&gb[..gn]).unwrap_or("");
    let (t0, tp, tn) = (token_types(Some(me)), token_types(prev), token_types(word(1)));
    out.push(feat(18, &[std::str::from_utf8(&[b'a' + t0]).unwrap_or("")]));
    out.push(feat(19, &[std::str::from_utf8(&[b'a' + tp, b'a' + t0, b'a' + tn]).unwrap_or("")]));
    out.push(feat(16, &[g]));
    out.push(feat(17, &[g, suffix(w, 2)]));
}

/// Features that depend on the previous two tags.
pub fn tag_features(words: &[Word], i: usize, p1: Tag, p2: Tag, out: &mut Vec<u64>) {
    let b1 = [p1.0];
    let b2 = [p1.0, p2.0];
    let s1 = std::str::from_utf8(&b1).unwrap_or("");
    let s2 = std::str::from_utf8(&b2).unwrap_or("");
    out.push(feat(20, &[s1]));
    out.push(feat(21, &[s2]));
    out.push(feat(22, &[s1, words[i].norm]));
}

/// The embedded model laid out for decoding.
///
/// Why: [`Model::scores`] hashes 23 feature strings per token (FNV over the
/// words' bytes) and looks each up. Here the weights sit in one table of
/// [`Slot`]s (slot 0 is all zeros and stands for "no weights", so a
/// feature the model lacks adds zeros), the rows of features that take few values are
/// precomputed, and the per-thread [`WordCache`] keeps each word type's
/// single-word rows and the FNV states its pair features continue from, so
/// a token costs its word records plus two short hashes (the pair features 7
/// and 8); features 17 and 22 are hashed only when the word's memoised score
/// does not serve (after a tag other than O, or under another flag mask;
/// see [`WordInfo::base`]).
///
/// The weights are kept as the model file stores them, integer multiples of
/// one positive scale, and summed as integers: the sums are exact whatever
/// the order, so rows that always occur together are pre-added (a word's own
/// single-word rows, its rows as left or right neighbour, shape with flags,
/// the token-type features, the two tag-history features), and a token
/// sums 10 rows instead of 23. The highest integer sum is the highest
/// exact score.
struct Fast {
    /// The model's features (see [`Slot`]).
    slots: Box<[Slot]>,
    /// The home slot of hash `h` is `TABLE_START + (spread(h) >> shift)`.
    shift: u32,
    /// Which feature hashes may be in `slots` (see [`HashFilter`]).
    present: HashFilter,
    c0: u32,
    /// Features 13 (shape) + 16 (flags), by `shape << 6 | mask`.
    shape_flags: Box<[Row; 512]>,
    /// Features 18 + 19, by `tp << 8 | t0 << 4 | tn`.
    types: Box<[Row; 4096]>,
    /// Features 20 + 21, by `p1 << 4 | p2`.
    history: Box<[Row; 256]>,
    /// `feat(17, [g])` by flag mask: feature 17 continues it with the word's last two letters.
    s17: [u64; 64],
    /// `feat(22, [p1])` by previous tag: feature 22 continues it with the word.
    s22: [u64; NT],
}

/// A one-bit-per-slot filter over the model's feature hashes.
///
/// Why: most features of a token are absent from the model (nearly all
/// word-pair features, the single-word features of rare words), and a
/// hash-table probe for an absent key costs a few dozen instructions; one
/// bit test rejects most of them. The feature hashes are FNV states, whose
/// high bits are the well-mixed ones, so the slot is the top bits. False
/// positives only cost the probe.
struct HashFilter {
    bits: Box<[u64]>,
    /// The slot is `h >> shift`.
    shift: u32,
}

impl HashFilter {
    /// About 16 bits per key (some 5% false positives).
    fn new(keys: impl Iterator<Item = u64>, n: usize) -> HashFilter {
        let slots = n.saturating_mul(16).next_power_of_two().clamp(64, 1 << 26);
        let mut f = HashFilter { bits: vec![0; slots / 64].into_boxed_slice(), shift: 64 - slots.trailing_zeros() };
        for h in keys {
            let s = f.slot(h);
            if let Some(w) = f.bits.get_mut(s / 64) {
                *w |= 1 << (s % 64);
            }
        }
        f
    }
    #[inline]
    fn slot(&self, h: u64) -> usize {
        (h >> self.shift) as usize
    }
    /// False only when `h` is none of the keys.
    #[inline]
    fn may_contain(&self, h: u64) -> bool {
        let s = self.slot(h);
        self.bits.get(s / 64).is_some_and(|w| w & (1 << (s % 64)) != 0)
    }
}

/// Lanes of a [`Row`]: the [`NT`] weights, padded with zeros.
const ROW: usize = 12;

/// One feature's weights (or a running score, or the sum of several
/// features' weights) in units of the model's scale, padded to three aligned
/// 4-lane vectors, so that adding a row compiles to three vector adds while
/// the score stays in registers; the padding lanes stay zero. A token's
/// score adds at most 23 rows of 16-bit weights, far from the i32 range.
#[derive(Clone, Copy, Default, PartialEq, Debug)]
#[repr(C, align(16))]
struct Row([i32; ROW]);

impl Row {
    fn new(w: &[i16; NT]) -> Row {
        let mut r = Row::default();
        for (x, &q) in r.0.iter_mut().zip(w) {
            *x = q as i32;
        }
        r
    }
    /// The sum of two rows.
    #[inline]
    fn plus(mut self, other: &Row) -> Row {
        for (x, y) in self.0.iter_mut().zip(&other.0) {
            *x += *y;
        }
        self
    }
    /// The row of a stored sum ([`Row::lanes`]).
    #[inline]
    fn of_lanes(l: &[i32; NT]) -> Row {
        let mut r = Row::default();
        r.0[..NT].copy_from_slice(l);
        r
    }
    /// The [`NT`] weights without the padding, to store: a word type's
    /// record holds several sums, and the padding would be a quarter of it.
    fn lanes(&self) -> [i32; NT] {
        *self.scores()
    }
    /// The scores of the [`NT`] tags.
    fn scores(&self) -> &[i32; NT] {
        self.0.first_chunk().unwrap_or(&[0; NT])
    }
}

/// A fixed-size table of rows, filled by `row(index)`.
fn row_table<const N: usize>(row: impl Fn(usize) -> Row) -> Box<[Row; N]> {
    let v: Box<[Row]> = (0..N).map(row).collect();
    v.try_into().unwrap_or_else(|_| Box::new([Row::default(); N]))
}

/// The row of a feature without weights (all zeros).
const ZERO_ROW: u32 = 0;
/// The slot of the one feature whose hash is 0, if the model has it: 0
/// marks the table's empty slots.
const HASH_ZERO_ROW: u32 = 1;
/// The first slot of the open-addressed table.
const TABLE_START: usize = 2;

/// One feature of the model: its hash and its weights as the file stores
/// them (multiples of the scale, see [`Row`]); a slot of [`Fast`]'s table.
///
/// Why one table of hash and weights together: the decoder looks up a few
/// features per token in a model of some 100 k features, several megabytes,
/// and most look-ups miss the cache. A hash map from hash to row index, then
/// the row, was two dependent misses per feature (and a third for the map's
/// control bytes); here a present feature is one slot of 32 bytes, usually
/// the first one probed, and the weights stay 16-bit until they are added.
#[derive(Clone, Copy, Default, Debug)]
#[repr(C, align(32))]
struct Slot {
    hash: u64,
    weights: [i16; NT],
}

/// Spreads a feature hash over the table's index bits. The FNV states'
/// high bits are the well-mixed ones, but [`HashFilter`] already slots by
/// them: without the multiply, a hash the filter lets through by mistake
/// would start its probe in a run of stored keys, and probe longer.
#[inline]
fn spread(h: u64) -> u64 {
    h.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}
/// No flag mask (masks are below 64).
const NO_MASK: u8 = u8::MAX;
/// The word outside the sentence, as the features spell it.
const OUTSIDE: &str = "<s>";

/// The FNV state `h` continued with one more feature part (as [`feat`] does).
#[inline]
fn extend(h: u64, part: &str) -> u64 {
    extend_all([h], part)[0]
}

/// [`extend`] for several states at once: one pass over the part's bytes,
/// so a word's features under several templates share the loop.
#[inline]
fn extend_all<const N: usize>(h: [u64; N], part: &str) -> [u64; N] {
    close_part(absorb(h, part.as_bytes()))
}

/// FNV states continued over some bytes of a feature part.
#[inline]
fn absorb<const N: usize>(mut h: [u64; N], bytes: &[u8]) -> [u64; N] {
    for &b in bytes {
        for x in &mut h {
            *x = (*x ^ b as u64).wrapping_mul(0x100000001b3);
        }
    }
    h
}

/// FNV states continued with the separator that ends a feature part.
#[inline]
fn close_part<const N: usize>(h: [u64; N]) -> [u64; N] {
    h.map(|x| (x ^ 0xff).wrapping_mul(0x100000001b3))
}

/// `feat(t, [part])` for each template `t` of `templates`, in one pass.
fn feats<const N: usize>(templates: [u8; N], part: &str) -> [u64; N] {
    extend_all(starts(templates), part)
}

/// The FNV states of `feat` after each template byte, before any part.
fn starts<const N: usize>(templates: [u8; N]) -> [u64; N] {
    templates.map(|t| mix(FNV, &[t]))
}

impl Fast {
    /// From the binary model (see [`Model::from_bytes`]).
    fn from_bytes(b: &[u8]) -> Option<Fast> {
        let (_, records) = quantized_records(b)?;
        if records.is_empty() {
            return None;
        }
        // at most half full: a present feature is nearly always in its home
        // slot (under 1.5 probes a hit on average; at 7/8 full, ~4 probes,
        // the pipeline ran 3-5% slower)
        let cap = (records.len() * 2).next_power_of_two().max(2);
        let mut f = Fast {
            slots: vec![Slot::default(); TABLE_START + cap].into_boxed_slice(),
            shift: 64 - cap.trailing_zeros(),
            present: HashFilter::new(records.iter().map(|r| r.0), records.len()),
            c0: ZERO_ROW,
            shape_flags: row_table(|_| Row::default()),
            types: row_table(|_| Row::default()),
            history: row_table(|_| Row::default()),
            s17: [0; 64],
            s22: [0; NT],
        };
        for (h, q) in &records {
            // a repeated hash keeps its last record, as in `Model::from_bytes`
            let at = f.slot_of(*h);
            f.slots[at] = Slot { hash: *h, weights: *q };
        }
        f.c0 = f.get(feat(0, &[]));
        let shape: Vec<Row> = ["w", "L", "9", "q", "."].iter().map(|sh| f.row(feat(13, &[sh]))).collect();
        let t18: Vec<Row> =
            (0..16u8).map(|t| f.row(feat(18, &[std::str::from_utf8(&[b'a' + t]).unwrap_or("")]))).collect();
        let mut t16 = [Row::default(); 64];
        for (mask, r) in t16.iter_mut().enumerate() {
            let g = g_string(mask);
            let g = std::str::from_utf8(&g.0[..g.1]).unwrap_or("");
            *r = f.row(feat(16, &[g]));
            f.s17[mask] = feat(17, &[g]);
        }
        f.shape_flags = row_table(|k| match shape.get(k >> 6) {
            Some(sh) => sh.plus(&t16[k & 63]),
            None => Row::default(),
        });
        f.types = row_table(|k| {
            let (tp, t0, tn) = (k >> 8, (k >> 4) & 15, k & 15);
            let s = [b'a' + tp as u8, b'a' + t0 as u8, b'a' + tn as u8];
            t18[t0].plus(&f.row(feat(19, &[std::str::from_utf8(&s).unwrap_or("")])))
        });
        f.history = row_table(|k| {
            let (p1, p2) = ((k >> 4) as u8, (k & 15) as u8);
            if p1 as usize >= NT || p2 as usize >= NT {
                return Row::default();
            }
            let s1 = std::str::from_utf8(&[p1]).unwrap_or("").to_string();
            f.row(feat(20, &[&s1])).plus(&f.row(feat(21, &[std::str::from_utf8(&[p1, p2]).unwrap_or("")])))
        });
        for p1 in 0..NT as u8 {
            f.s22[p1 as usize] = feat(22, &[std::str::from_utf8(&[p1]).unwrap_or("")]);
        }
        Some(f)
    }
    /// The slot holding hash `h`, or the empty slot where it would go
    /// (linear probing from its home slot; the table always has empty slots).
    fn slot_of(&self, h: u64) -> usize {
        if h == 0 {
            return HASH_ZERO_ROW as usize;
        }
        let mask = self.slots.len() - TABLE_START - 1;
        let mut i = (spread(h) >> self.shift) as usize & mask;
        loop {
            match self.slots.get(TABLE_START + i) {
                Some(s) if s.hash != h && s.hash != 0 => i = (i + 1) & mask,
                _ => return TABLE_START + i,
            }
        }
    }
    /// Slot of a feature hash ([`ZERO_ROW`] when the model has no weights for it).
    #[inline]
    fn get(&self, h: u64) -> u32 {
        if !self.present.may_contain(h) {
            return ZERO_ROW;
        }
        let at = self.slot_of(h);
        // (an empty slot: the feature is absent)
        if self.slots.get(at).is_some_and(|s| s.hash == h) { at as u32 } else { ZERO_ROW }
    }
    /// The weights of a feature hash (zeros when the model has none).
    #[inline]
    fn row(&self, h: u64) -> Row {
        self.at(self.get(h))
    }
    /// The weights in slot `r` (from [`Fast::get`]) as the file stores them.
    #[inline]
    fn slot_weights(&self, r: u32) -> [i16; NT] {
        self.slots.get(r as usize).map(|s| s.weights).unwrap_or_default()
    }
    /// The weights in slot `r` (from [`Fast::get`]).
    #[inline]
    fn at(&self, r: u32) -> Row {
        Row::new(&self.slot_weights(r))
    }
    /// The weights of a feature hash as the file stores them (zeros when
    /// the model has none).
    #[inline]
    fn weights(&self, h: u64) -> [i16; NT] {
        self.slot_weights(self.get(h))
    }
    /// What the decoder keeps about a word type (see [`WordInfo`]), and the
    /// type's [`Tok`] (id 0) from `lex`, the word's table entry.
    fn word_info(&self, kb: &Kb, w: &str, lex: &Lex) -> (WordInfo, Tok) {
        let st = stem(w);
        // the stem is the end of the word: the word's seven templates run
        // over the stripped prefix, then with the stem's three over the stem
        let head = w.as_bytes().get(..w.len() - st.len()).unwrap_or_default();
        let [a1, a3, a4, a5, a6, a7, a8] = absorb(starts([1, 3, 4, 5, 6, 7, 8]), head);
        let [s2, s14, s15] = starts([2, 14, 15]);
        let [h1, h3, h4, h5, h6, pair7, pair8, h2, h14, h15] =
            extend_all([a1, a3, a4, a5, a6, a7, a8, s2, s14, s15], st);
        let [h9] = feats([9], prefix(w, 2));
        let (suffix2, suffix3) = (suffix(w, 2), suffix(w, 3));
        let [h10] = feats([10], suffix2);
        let [h11] = feats([11], suffix3);
        let [h12] = feats([12], prefix(st, 3));
        let row = |h| self.row(h);
        // the stem's entry is the word's own when nothing was stripped
        let stem_lex = if st.len() == w.len() { *lex } else { kb.lex(st) };
        let info = WordInfo {
            own: [h1, h2, h9, h10, h11, h12].iter().fold(self.at(self.c0), |s, &h| s.plus(&row(h))).lanes(),
            as_prev: row(h3).plus(&row(h14)).lanes(),
            as_next: row(h4).plus(&row(h15)).lanes(),
            as_prev2: self.weights(h5),
            as_next2: self.weights(h6),
            pair7,
            pair8,
            base: [0; NT],
            base_mask: NO_MASK,
            suffix2_len: suffix2.len().min(u8::MAX as usize) as u8,
        };
        (info, Tok::of_word(lex, &stem_lex))
    }
}

/// The `g` feature string of a flag mask (bits F T K D S H, in that order).
fn g_string(mask: usize) -> ([u8; 6], usize) {
    let mut b = [0u8; 6];
    let mut n = 0;
    for (k, c) in b"FTKDSH".iter().enumerate() {
        if mask & (1 << k) != 0 {
            b[n] = *c;
            n += 1;
        }
    }
    (b, n)
}

/// Whether a model is embedded. Asks the decoder the pipeline uses, so the
/// float [`Model`] (training and reference decoding only) is not built.
pub fn has_model() -> bool {
    fast().is_some()
}

fn fast() -> Option<&'static Fast> {
    static F: OnceLock<Option<Fast>> = OnceLock::new();
    F.get_or_init(|| Fast::from_bytes(MODEL)).as_ref()
}

/// What the fast decoder keeps about one word type: all of it depends on
/// the word's string alone, except the memo `base`, which is valid under the
/// flag mask `base_mask` it was computed with.
///
/// Why the weights are copied here rather than kept as slot numbers: the
/// decoder reads five records per token, and a slot of the model's table
/// is a likely cache miss where a frequent word's record is not.
struct WordInfo {
    /// The sum of the bias (feature 0) and the word's own single-word
    /// features 1, 2, 9, 10, 11, 12 ([`Row::lanes`]).
    own: [i32; NT],
    /// Its features as the previous word (3 and 14) and as the next (4 and 15).
    as_prev: [i32; NT],
    as_next: [i32; NT],
    /// Weights of its features two words before (5) and after (6).
    as_prev2: [i16; NT],
    as_next2: [i16; NT],
    /// `feat(7, [w])`, `feat(8, [w])`: the pair features with this word
    /// first continue these states with the second word.
    pair7: u64,
    pair8: u64,
    /// `own` plus the word's feature 22 after an O tag and its feature 17
    /// (flag mask + last two letters) under the flag mask `base_mask`: all
    /// of the score that depends on the word alone, in the usual case of a
    /// word after an O tag, with the mask it was last scored with. A word
    /// is mostly seen with the same mask, so this saves two hashes and two
    /// look-ups in the model per token. `base_mask` is [`NO_MASK`] until
    /// the word is first scored after an O tag.
    base: [i32; NT],
    base_mask: u8,
    /// Byte length of the word's last two letters (feature 17).
    suffix2_len: u8,
}

/// A token of the sentence being decoded: its word type and the lex-derived
/// inputs of features 16–19. These depend on the word alone (its table entry
/// and its stem's), so the cache keeps one per word type.
#[derive(Clone, Copy, Default)]
struct Tok {
    /// Index into [`WordCache::words`].
    id: u32,
    /// `token_types` of the word, else of its stem.
    types: u8,
    /// Flags of feature 16 the word sets for itself (F K D S).
    own: u8,
    /// Flags it sets for the next word (T H).
    for_next: u8,
}

impl Tok {
    /// From the table entries of a word and of its stem (id 0).
    fn of_word(lex: &Lex, stem_lex: &Lex) -> Tok {
        // flags of the word or of its stem
        let either = lex.flags | stem_lex.flags;
        let types = if lex.has(lexf::TOKEN_TYPES) {
            lex.token_types
        } else if stem_lex.has(lexf::TOKEN_TYPES) {
            stem_lex.token_types
        } else {
            0
        };
        let bit = |flags: u32, flag: u32, at: u8| u8::from(flags & flag != 0) << at;
        let own = bit(either, lexf::FIRST_NAME, 0)
            | bit(either, lexf::FIRST_TOKEN, 2)
            | bit(lex.flags, lexf::DEMONYM, 3)
            | bit(lex.flags, lexf::STOPWORD, 4);
        let for_next = bit(either, lexf::TITLE, 1) | bit(lex.flags, lexf::ORG_HEAD, 5);
        Tok { id: 0, types, own, for_next }
    }
}

/// Per-thread cache of the word types seen, and the decoder's scratch space.
struct WordCache {
    /// Cache ids of the words of tokens without a word id (see `by_vocab`).
    ids: marsad_text::WordTable<u32>,
    /// Cache ids by the text layer's word ids: a repeated word of a
    /// document costs an index, not a probe of `ids` (see `marsad_text::vocab`).
    by_vocab: marsad_text::vocab::TypeIds,
    words: Vec<WordInfo>,
    /// Each word type's [`Tok`] (a short array apart from `words`: the
    /// first pass over a sentence reads only these).
    word_toks: Vec<Tok>,
    /// The sentence's tokens, with two [`OUTSIDE`] tokens on each side.
    toks: Vec<Tok>,
}

const WORD_CACHE_MAX: usize = 200_000;
/// Word types a new cache has room for: a day of news has a few tens of
/// thousands, and growing the vectors copies them.
const WORD_CACHE_START: usize = 1 << 14;
/// The id of [`OUTSIDE`]: a new cache enters it first.
const OUTSIDE_ID: u32 = 0;

thread_local! {
    static WORD_CACHE: std::cell::RefCell<Option<WordCache>> = const { std::cell::RefCell::new(None) };
}

impl WordCache {
    fn new(f: &Fast, kb: &Kb) -> WordCache {
        let mut wc = WordCache {
            ids: marsad_text::WordTable::default(),
            by_vocab: Default::default(),
            words: Vec::with_capacity(WORD_CACHE_START),
            word_toks: Vec::with_capacity(WORD_CACHE_START),
            toks: Vec::new(),
        };
        let outside = wc.tok(f, kb, OUTSIDE, &kb.lex(OUTSIDE));
        debug_assert_eq!(outside.id, OUTSIDE_ID);
        wc
    }
    /// Runs `run` with this thread's cache (a new one when there is none yet
    /// or it has grown past [`WORD_CACHE_MAX`] word types).
    fn with<R>(f: &Fast, kb: &Kb, run: impl FnOnce(&mut WordCache) -> R) -> R {
        WORD_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.as_ref().is_some_and(|wc| wc.words.len() > WORD_CACHE_MAX) {
                *c = None;
            }
            run(c.get_or_insert_with(|| WordCache::new(f, kb)))
        })
    }
    /// The [`Tok`] of word `w`; `lex` is its table entry (`kb.lex(w)`, the
    /// same for every token of the word, so the first one seen stands for all).
    #[inline]
    fn tok(&mut self, f: &Fast, kb: &Kb, w: &str, lex: &Lex) -> Tok {
        // get, then insert on a miss: most calls are hits, and a hit through
        // the entry API costs more
        if let Some(t) = self.ids.get(w).and_then(|&i| self.word_toks.get(i as usize)) {
            return *t;
        }
        self.enter(f, kb, w, lex, true)
    }
    /// [`WordCache::tok`] of a word not seen yet, put in the word table when
    /// `in_table`. Kept out of line: the hit path inlined into the decoder's
    /// loop stays a few instructions long.
    #[cold]
    #[inline(never)]
    fn enter(&mut self, f: &Fast, kb: &Kb, w: &str, lex: &Lex, in_table: bool) -> Tok {
        let id = self.words.len() as u32;
        let (info, tok) = f.word_info(kb, w, lex);
        let tok = Tok { id, ..tok };
        self.words.push(info);
        self.word_toks.push(tok);
        if in_table {
            // (absent: one probe where `insert` makes two)
            self.ids.get_or_insert_with(w, || id);
        }
        tok
    }
}

fn shape_index(k: TokenKind) -> usize {
    match k {
        TokenKind::Word => 0,
        TokenKind::Latin => 1,
        TokenKind::Number => 2,
        TokenKind::Quote => 3,
        _ => 4,
    }
}

/// One token as the decoder's caller supplies it.
trait Source<'a> {
    fn len(&self) -> usize;
    fn norm(&self, i: usize) -> &'a str;
    fn kind(&self, i: usize) -> TokenKind;
    fn lex(&self, i: usize) -> &'a Lex;
    /// The document's tokens and the index of token 0 among them, when the
    /// words come from a document (their word ids spare the cache a probe).
    fn tokens(&self) -> Option<(&'a marsad_text::Tokens, usize)> {
        None
    }
}

/// The words of [`tag_words`].
struct WordSource<'w, 'a>(&'w [Word<'a>]);
impl<'w, 'a> Source<'w> for WordSource<'w, 'a> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn norm(&self, i: usize) -> &'w str {
        self.0[i].norm
    }
    fn kind(&self, i: usize) -> TokenKind {
        self.0[i].kind
    }
    fn lex(&self, i: usize) -> &'w Lex {
        &self.0[i].lex
    }
}

/// A sentence of a document (token range `start..start + len`), with its
/// tokens' table entries.
struct DocSource<'a> {
    doc: &'a Doc,
    lex: &'a [Lex],
    start: usize,
    len: usize,
}
impl<'a> Source<'a> for DocSource<'a> {
    fn len(&self) -> usize {
        self.len
    }
    fn norm(&self, i: usize) -> &'a str {
        self.doc.tokens.norm(self.start + i)
    }
    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[self.start + i].kind
    }
    fn lex(&self, i: usize) -> &'a Lex {
        &self.lex[self.start + i]
    }
    fn tokens(&self) -> Option<(&'a marsad_text::Tokens, usize)> {
        Some((&self.doc.tokens, self.start))
    }
}

/// Greedy decoding of one sentence with the embedded model, through [`Fast`];
/// `norms` is scratch space (each token's word, sliced once).
fn tag_fast<'a>(f: &Fast, kb: &Kb, wc: &mut WordCache, src: &impl Source<'a>, norms: &mut Vec<&'a str>, tags: &mut Vec<Tag>) {
    let n = src.len();
    let outside = Tok { id: OUTSIDE_ID, ..Tok::default() };
    let mut toks = std::mem::take(&mut wc.toks);
    toks.clear();
    toks.extend([outside, outside]);
    norms.clear();
    for i in 0..n {
        let w = src.norm(i);
        norms.push(w);
        let tok = match src.tokens() {
            Some((tokens, at)) => match wc.by_vocab.get(tokens, at + i).and_then(|id| wc.word_toks.get(id as usize)) {
                Some(t) => *t,
                None => {
                    // a token with a word id is entered without the word
                    // table: its id finds it from now on (a word is entered
                    // again only under a later vocabulary)
                    let t = if tokens.word_id(at + i).is_some() { wc.enter(f, kb, w, src.lex(i), false) } else { wc.tok(f, kb, w, src.lex(i)) };
                    wc.by_vocab.set(tokens, at + i, t.id);
                    t
                }
            },
            None => wc.tok(f, kb, w, src.lex(i)),
        };
        toks.push(tok);
    }
    toks.extend([outside, outside]);
    let (mut p1, mut p2) = (Tag::O, Tag::O);
    let skip_common = SKIP_COMMON.load(std::sync::atomic::Ordering::Relaxed);
    // feature 7 of token i, hashed with feature 8 of token i - 1 (same bytes)
    let mut next7: Option<(usize, u64)> = None;
    for i in 0..n {
        let (norm, kind) = (norms[i], src.kind(i));
        if tagged_o_unscored(kind, src.lex(i), p1, skip_common) {
            tags.push(Tag::O);
            p2 = p1;
            p1 = Tag::O;
            continue;
        }
        // toks[i + 2] is token i; its neighbours at -2..=2 are always there
        let t = &toks[i..i + 5];
        let mask = (t[2].own | t[1].for_next) & 63;
        let base = {
            let e = &mut wc.words[t[2].id as usize];
            if p1 == Tag::O && e.base_mask == mask {
                Row::of_lanes(&e.base)
            } else {
                let suffix2 = norm.get(norm.len().saturating_sub(e.suffix2_len as usize)..).unwrap_or("");
                let [h17, h22] = [extend(f.s17[mask as usize], suffix2), extend(f.s22[p1.0 as usize], norm)];
                let sum = Row::of_lanes(&e.own).plus(&f.row(h17)).plus(&f.row(h22));
                if p1 == Tag::O {
                    (e.base, e.base_mask) = (sum.lanes(), mask);
                }
                sum
            }
        };
        let word = |k: usize| &wc.words[t[k].id as usize];
        let me = word(2);
        let next_norm = norms.get(i + 1).copied().unwrap_or(OUTSIDE);
        let h7 = match next7 {
            Some((j, h)) if j == i => h,
            _ => extend(word(1).pair7, norm),
        };
        let [h8, h7_next] = extend_all([me.pair8, me.pair7], next_norm);
        next7 = Some((i + 1, h7_next));
        let (tp, t0, tn) = ((t[1].types & 15) as usize, (t[2].types & 15) as usize, (t[3].types & 15) as usize);
        // integer sums: the order of the adds does not matter
        let sc = base
            .plus(&Row::of_lanes(&word(1).as_prev))
            .plus(&Row::of_lanes(&word(3).as_next))
            .plus(&Row::new(&word(0).as_prev2))
            .plus(&Row::new(&word(4).as_next2))
            .plus(&f.row(h7))
            .plus(&f.row(h8))
            .plus(&f.shape_flags[(shape_index(kind) << 6 | mask as usize) & 511])
            .plus(&f.types[(tp << 8 | t0 << 4 | tn) & 4095])
            .plus(&f.history[(p1.0 as usize) << 4 & 0xf0 | p2.0 as usize & 15]);
        let t = best_tag(sc.scores());
        tags.push(t);
        p2 = p1;
        p1 = t;
    }
    wc.toks = toks;
}

/// Punctuation, and function words (common words too, when `skip_common`)
/// outside a name: tagged O without scoring, by both decoders.
fn tagged_o_unscored(kind: TokenKind, lex: &Lex, p1: Tag, skip_common: bool) -> bool {
    kind != TokenKind::Word && kind != TokenKind::Latin || (p1 == Tag::O && (lex.has(lexf::STOPWORD) || (skip_common && lex.has(lexf::COMMON))))
}

/// The highest-scoring tag (the first on ties).
fn best_tag<T: PartialOrd>(sc: &[T; NT]) -> Tag {
    let mut best = 0;
    for k in 1..NT {
        if sc[k] > sc[best] {
            best = k;
        }
    }
    Tag(best as u8)
}

/// Greedy decoding of one sentence.
pub fn tag_words(m: &Model, words: &[Word], tags: &mut Vec<Tag>) {
    if let (Some(em), Some(f)) = (model(), fast()) {
        if std::ptr::eq(m, em) {
            let kb = kb();
            return WordCache::with(f, kb, |wc| tag_fast(f, kb, wc, &WordSource(words), &mut Vec::new(), tags));
        }
    }
    let mut fs = Vec::with_capacity(32);
    let mut sc = [0f32; NT];
    let (mut p1, mut p2) = (Tag::O, Tag::O);
    let skip_common = SKIP_COMMON.load(std::sync::atomic::Ordering::Relaxed);
    for i in 0..words.len() {
        let w = &words[i];
        if tagged_o_unscored(w.kind, &w.lex, p1, skip_common) {
            tags.push(Tag::O);
            p2 = p1;
            p1 = Tag::O;
            continue;
        }
        features(words, i, &mut fs);
        tag_features(words, i, p1, p2, &mut fs);
        m.scores(&fs, &mut sc);
        let t = best_tag(&sc);
        tags.push(t);
        p2 = p1;
        p1 = t;
    }
}

/// Tags for every token of the document (empty when no model is embedded).
pub fn tag_doc(doc: &Doc) -> Vec<Tag> {
    let kb = kb();
    let lex: Vec<Lex> = (0..doc.tokens.len()).map(|i| kb.lex(doc.tokens.norm(i))).collect();
    tag_doc_with(doc, &lex)
}

/// [`tag_doc`] with every token's table entry already looked up.
pub fn tag_doc_with(doc: &Doc, lex: &[Lex]) -> Vec<Tag> {
    let Some(f) = fast() else { return Vec::new() };
    let kb = kb();
    let mut tags = Vec::with_capacity(doc.tokens.len());
    let mut norms = Vec::with_capacity(doc.tokens.len());
    WordCache::with(f, kb, |wc| {
        for r in doc.sentence_token_ranges() {
            let r = r.start..r.end.min(lex.len());
            while tags.len() < r.start {
                tags.push(Tag::O);
            }
            tags.truncate(r.start);
            tag_fast(f, kb, wc, &DocSource { doc, lex, start: r.start, len: r.len() }, &mut norms, &mut tags);
        }
    });
    tags.resize(doc.tokens.len(), Tag::O);
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../examples/seed.txt");

    /// The character-counting definitions the byte scans replace.
    fn prefix_chars(w: &str, n: usize) -> &str {
        w.char_indices().nth(n).map(|(b, _)| &w[..b]).unwrap_or(w)
    }
    fn suffix_chars(w: &str, n: usize) -> &str {
        let c = w.chars().count();
        if c <= n {
            return w;
        }
        w.char_indices().nth(c - n).map(|(b, _)| &w[b..]).unwrap_or(w)
    }

    fn sample_words() -> Vec<&'static str> {
        let mut v: Vec<&str> = SEED.split_whitespace().collect();
        v.extend(["", "a", "ab", "abc", "é", "aé", "éa", "x\u{1F600}y", "\u{1F600}", "<s>"]);
        v
    }

    #[test]
    fn prefix_and_suffix_count_characters() {
        // (the features take n = 2 and 3)
        for w in sample_words() {
            for n in 1..5 {
                assert_eq!(prefix(w, n), prefix_chars(w, n), "prefix({w:?}, {n})");
                assert_eq!(suffix(w, n), suffix_chars(w, n), "suffix({w:?}, {n})");
            }
        }
    }

    #[test]
    fn stem_strips_a_prefix_leaving_two_characters() {
        // the definition with a full character count
        fn stem_counting(w: &str) -> &str {
            for p in ["\u{648}\u{627}\u{644}", "\u{628}\u{627}\u{644}", "\u{644}\u{644}", "\u{641}\u{627}\u{644}", "\u{643}\u{627}\u{644}", "\u{627}\u{644}"] {
                if let Some(r) = w.strip_prefix(p) {
                    if r.chars().count() >= 2 {
                        return r;
                    }
                }
            }
            w
        }
        let article = "\u{627}\u{644}";
        let mut words = sample_words();
        let extra: Vec<String> = ["", "x", "\u{628}", "\u{628}\u{628}", "xyz"].iter().map(|r| format!("{article}{r}")).collect();
        words.extend(extra.iter().map(|s| s.as_str()));
        for w in words {
            assert_eq!(stem(w), stem_counting(w), "{w:?}");
        }
    }

    #[test]
    fn one_pass_hashes_equal_feat() {
        for w in sample_words() {
            let [a, b, c] = feats([1, 7, 22], w);
            assert_eq!([a, b, c], [feat(1, &[w]), feat(7, &[w]), feat(22, &[w])]);
            // pair features continue the first part's state
            assert_eq!(extend(feat(7, &["x"]), w), feat(7, &["x", w]));
            let [p, q] = extend_all([feat(8, &[w]), feat(7, &[w])], "yz");
            assert_eq!([p, q], [feat(8, &[w, "yz"]), feat(7, &[w, "yz"])]);
        }
    }

    #[test]
    fn hash_filter_never_rejects_a_key() {
        let keys: Vec<u64> = (0..5000u64).map(|i| feat((i % 23) as u8, &[&i.to_string()])).collect();
        let f = HashFilter::new(keys.iter().copied(), keys.len());
        assert!(keys.iter().all(|&h| f.may_contain(h)));
        let others = (5000..55000u64).map(|i| feat(1, &[&i.to_string()])).filter(|h| !keys.contains(h));
        let passed = others.filter(|&h| f.may_contain(h)).count();
        assert!(passed < 5000, "most absent hashes are rejected ({passed} of 50000 passed)");
        let empty = HashFilter::new(std::iter::empty(), 0);
        assert!(!empty.may_contain(keys[0]));
        // the model's filter: every stored feature passes, and a rejected hash has no row
        if let Some(fast) = fast() {
            assert!(fast.slots.iter().filter(|s| s.hash != 0).all(|s| fast.present.may_contain(s.hash)));
            for h in (0..20000u64).map(|i| feat(7, &["x", &i.to_string()])) {
                assert!(fast.present.may_contain(h) || fast.slots.iter().all(|s| s.hash != h));
            }
        }
    }

    #[test]
    fn integer_rows_are_the_model_weights() {
        let (Some(m), Some(f), Some((scale, _))) = (model(), fast(), quantized_records(MODEL)) else { return };
        assert!(scale > 0.0, "the argmax of integer sums is the argmax of the scores");
        for (h, w) in &m.weights {
            let r = f.row(*h);
            assert_ne!(f.get(*h), ZERO_ROW, "every feature has its slot");
            assert_eq!(r.0[..NT].iter().map(|&q| q as f32 * scale).collect::<Vec<_>>(), w.to_vec());
            assert!(r.0[NT..].iter().all(|&x| x == 0), "padding stays zero");
        }
        assert_eq!(f.row(feat(99, &["not a feature"])), Row::default());
        // one slot per feature (hash 0 has its own, outside the table)
        let stored = f.slots.iter().filter(|s| s.hash != 0).count();
        assert_eq!(stored, m.weights.len() - usize::from(m.weights.contains_key(&0)));
        // the pre-added tables are the sums of their features
        let g = g_string(5);
        let g = std::str::from_utf8(&g.0[..g.1]).unwrap_or("");
        assert_eq!(f.shape_flags[2 << 6 | 5], f.row(feat(13, &["9"])).plus(&f.row(feat(16, &[g]))));
        let tt = f.row(feat(18, &["c"])).plus(&f.row(feat(19, &["bca"])));
        assert_eq!(f.types[1 << 8 | 2 << 4], tt);
        let (p1, p2) = (Tag::begin(0).0, Tag::inside(2).0);
        let hist = f.row(feat(20, &[std::str::from_utf8(&[p1]).unwrap_or("")]))
            .plus(&f.row(feat(21, &[std::str::from_utf8(&[p1, p2]).unwrap_or("")])));
        assert_eq!(f.history[(p1 as usize) << 4 | p2 as usize], hist);
        for w in sample_words() {
            let info = f.word_info(kb(), w, &kb().lex(w)).0;
            let st = stem(w);
            let own = [feat(0, &[]), feat(1, &[w]), feat(2, &[st]), feat(9, &[prefix(w, 2)])]
                .into_iter()
                .chain([feat(10, &[suffix(w, 2)]), feat(11, &[suffix(w, 3)]), feat(12, &[prefix(st, 3)])])
                .fold(Row::default(), |s, h| s.plus(&f.row(h)));
            assert_eq!(Row::of_lanes(&info.own), own, "{w:?}");
            assert_eq!(Row::of_lanes(&info.as_prev), f.row(feat(3, &[w])).plus(&f.row(feat(14, &[st]))));
            assert_eq!(Row::of_lanes(&info.as_next), f.row(feat(4, &[w])).plus(&f.row(feat(15, &[st]))));
            assert_eq!([info.pair7, info.pair8], [feat(7, &[w]), feat(8, &[w])]);
            assert_eq!([Row::new(&info.as_prev2), Row::new(&info.as_next2)], [f.row(feat(5, &[w])), f.row(feat(6, &[w]))]);
        }
    }

    /// The tags of the reference decoder, sentence by sentence, through a
    /// clone of the model (another address: `features()` + `scores()`).
    fn reference_tags(slow: &Model, d: &Doc) -> Vec<Tag> {
        let mut want = Vec::new();
        for s in &d.sentences {
            let r = d.tokens.index_at(s.start)..d.tokens.index_at(s.end);
            want.resize(r.start, Tag::O);
            want.truncate(r.start);
            let words: Vec<Word> = r.map(|i| Word::new(d.tokens.norm(i), d.tokens[i].kind)).collect();
            tag_words(slow, &words, &mut want);
        }
        want.resize(d.tokens.len(), Tag::O);
        want
    }

    #[test]
    fn doc_decoder_matches_the_reference_decoder_per_sentence() {
        let Some(m) = model() else { return };
        let slow = m.clone();
        for text in [SEED, "", "  .  ", "<s> <s>", "a. b. c"] {
            let d = Doc::new(text, "2024-01-27");
            let fast_tags = tag_doc(&d);
            assert_eq!(fast_tags, reference_tags(&slow, &d));
            if text == SEED {
                assert!(fast_tags.iter().any(|t| *t != Tag::O), "some names are tagged");
            }
        }
    }

    #[test]
    fn doc_decoder_matches_the_reference_decoder_on_the_evaluation_articles_read_twice() {
        // the second reading finds every word's record, and its memoised
        // base score, there already; the articles' many names put words
        // after other tags and after titles, where the memo must not serve
        let Some(m) = model() else { return };
        let slow = m.clone();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval");
        let mut texts = Vec::new();
        for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
            for f in std::fs::read_dir(dir.path()).into_iter().flatten().flatten() {
                if f.path().extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(f.path()).unwrap_or_default());
                }
            }
        }
        assert!(texts.len() >= 20, "the evaluation articles are there ({})", texts.len());
        for round in 0..2 {
            for text in &texts {
                let d = Doc::new(text.as_str(), "2024-01-27");
                assert_eq!(tag_doc(&d), reference_tags(&slow, &d), "reading {round}");
            }
        }
    }
}
