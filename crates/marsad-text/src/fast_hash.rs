//! One fast, non-cryptographic hasher for every look-up table of the
//! pipeline (word lists, lexicons, per-thread caches).
//!
//! Why not the standard library's SipHash: its resistance to hash flooding
//! is not needed for tables built from embedded word lists, and it costs
//! several times more per short key; on the whole pipeline, SipHash look-ups
//! were about 8% of the instructions (callgrind). The mixing step is the
//! multiply-rotate of rustc's FxHash, eight bytes at a time.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x517c_c1b7_2722_0a95;

/// The hasher behind [`FastMap`] and [`FastSet`].
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn mix(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // the tail as a zero-padded little-endian word (a byte loop: a
            // variable-length copy would be a library call on every look-up)
            let mut v = 0u64;
            for (i, &b) in rest.iter().enumerate() {
                v |= u64::from(b) << (8 * i);
            }
            self.mix(v);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }
    /// The state rotated: the final multiply leaves the low bits, which the
    /// hash tables use to pick a slot, depending on the low input bits only
    /// (117 short time words fell into 9 slots of 1,024); the rotation brings
    /// the well-mixed high bits down.
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// Builds [`FastHasher`]s.
pub type FastBuild = BuildHasherDefault<FastHasher>;
/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastBuild>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, FastBuild>;

/// Word keys of up to this many bytes (11 Arabic letters) are stored inside
/// the table's slot.
const INLINE_KEY: usize = 22;

/// A word key: short ones inline, long ones on the heap.
#[derive(Clone, Debug)]
enum WordKey {
    Inline(u8, [u8; INLINE_KEY]),
    Heap(Box<[u8]>),
}

impl WordKey {
    /// (Inlined where a table inserts: called, it returns the key through
    /// memory that the insertion then reads back in other widths.)
    #[inline]
    fn new(w: &str) -> Self {
        let b = w.as_bytes();
        if b.len() <= INLINE_KEY {
            WordKey::Inline(b.len() as u8, padded(b))
        } else {
            WordKey::Heap(b.into())
        }
    }
    #[inline]
    fn bytes(&self) -> &[u8] {
        match self {
            WordKey::Inline(n, b) => &b[..*n as usize],
            WordKey::Heap(b) => b,
        }
    }
}

/// A table from words to values, for the hot per-token look-ups.
///
/// Why not `FastMap<String, V>`: there, a hit compares the query with a key
/// that lives elsewhere on the heap, a second cache miss per look-up; on the
/// whole pipeline those key comparisons were about an eighth of the time
/// (perf). Here words of up to 11 Arabic letters (nearly all of them) are
/// stored in the slot itself.
#[derive(Clone)]
pub struct WordTable<V> {
    table: hashbrown::HashTable<(WordKey, V)>,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable { table: hashbrown::HashTable::new() }
    }
}

impl<V> std::fmt::Debug for WordTable<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordTable({} words)", self.table.len())
    }
}

/// See [`WordTable::entry`].
pub struct WordEntry<'a, V> {
    table: &'a mut WordTable<V>,
    word: String,
}

impl<'a, V: Default> WordEntry<'a, V> {
    pub fn or_default(self) -> &'a mut V {
        self.table.get_or_insert_with(&self.word, V::default)
    }
}

/// A short word (at most [`INLINE_KEY`] bytes) laid out as an inline key
/// stores it: its bytes, zero-padded.
#[inline]
fn padded(b: &[u8]) -> [u8; INLINE_KEY] {
    let w = short_words(b);
    let mut q = [0u8; INLINE_KEY];
    q[..8].copy_from_slice(&w[0].to_le_bytes());
    q[8..16].copy_from_slice(&w[1].to_le_bytes());
    q[16..].copy_from_slice(&w[2].to_le_bytes()[..INLINE_KEY - 16]);
    q
}

/// Eight bytes of `b` from `i`, as a little-endian word.
#[inline]
fn word_at(b: &[u8], i: usize) -> u64 {
    b.get(i..i + 8).and_then(|s| s.try_into().ok()).map(u64::from_le_bytes).unwrap_or(0)
}

/// Four bytes of `b` from `i`, as a little-endian word.
#[inline]
fn half_at(b: &[u8], i: usize) -> u64 {
    b.get(i..i + 4).and_then(|s| s.try_into().ok()).map(u32::from_le_bytes).map(u64::from).unwrap_or(0)
}

/// A short word (at most [`INLINE_KEY`] bytes) as the three little-endian
/// words of its zero-padded bytes ([`padded`]), worked out in registers.
///
/// Why not read them from [`padded`]'s array: that array is written with
/// narrow overlapping stores and read back at once as wide words, and a
/// wide load from several narrow stores cannot be forwarded from the store
/// buffer; it waits for them to reach the cache. On every probe of every
/// word table, that stall was a few percent of the pipeline's time (perf).
/// Here each word is one or two overlapping loads of the word itself, the
/// overlap shifted out.
#[inline]
fn short_words(b: &[u8]) -> [u64; 3] {
    let n = b.len();
    if n > 16 {
        // bytes 16..n: the last eight, shifted down past the ones before 16
        [word_at(b, 0), word_at(b, 8), word_at(b, n - 8) >> (8 * (24 - n))]
    } else if n > 8 {
        [word_at(b, 0), word_at(b, n - 8) >> (8 * (16 - n)), 0]
    } else if n == 8 {
        [word_at(b, 0), 0, 0]
    } else if n >= 4 {
        // two overlapping four-byte halves; the overlap holds the same bytes
        [half_at(b, 0) | half_at(b, n - 4) << (8 * (n - 4)), 0, 0]
    } else if n > 0 {
        let byte = |i: usize| u64::from(b[i]) << (8 * i);
        [byte(0) | byte(n / 2) | byte(n - 1), 0, 0]
    } else {
        [0; 3]
    }
}

/// The words of a stored inline key (see [`short_words`]).
#[inline]
fn key_words(q: &[u8; INLINE_KEY]) -> [u64; 3] {
    // (the last eight bytes, shifted down past the two before byte 16)
    [word_at(q, 0), word_at(q, 8), word_at(q, INLINE_KEY - 8) >> (8 * (24 - INLINE_KEY))]
}

/// Hash of a short word of `n` bytes from its [`short_words`]: whole 8-byte
/// words only, no byte loop over the tail.
#[inline]
fn hash_short(w: &[u64; 3], n: usize) -> u64 {
    let mut h = FastHasher(n as u64);
    h.mix(w[0]);
    if n > 8 {
        h.mix(w[1]);
    }
    if n > 16 {
        h.mix(w[2]);
    }
    h.finish()
}

#[inline]
fn hash_word(w: &[u8]) -> u64 {
    Probe::new(w).hash()
}

/// A word being looked up, laid out as the table stores it, so that a
/// candidate slot is compared without a library call: a short word as the
/// three words of its zero-padded bytes ([`short_words`]), a long one as a
/// byte slice.
enum Probe<'a> {
    Short(u8, [u64; 3]),
    Long(&'a [u8]),
}

impl<'a> Probe<'a> {
    #[inline]
    fn new(b: &'a [u8]) -> Self {
        if b.len() <= INLINE_KEY {
            Probe::Short(b.len() as u8, short_words(b))
        } else {
            Probe::Long(b)
        }
    }
    #[inline]
    fn hash(&self) -> u64 {
        match self {
            Probe::Short(n, w) => hash_short(w, usize::from(*n)),
            Probe::Long(b) => {
                let mut h = FastHasher::default();
                h.write(b);
                h.finish()
            }
        }
    }
    #[inline]
    fn matches(&self, key: &WordKey) -> bool {
        match (self, key) {
            (Probe::Short(n, w), WordKey::Inline(m, k)) => n == m && *w == key_words(k),
            (Probe::Long(b), WordKey::Heap(k)) => **b == **k,
            _ => false,
        }
    }
}

impl<V> WordTable<V> {
    pub fn with_capacity(n: usize) -> Self {
        WordTable { table: hashbrown::HashTable::with_capacity(n) }
    }
    pub fn len(&self) -> usize {
        self.table.len()
    }
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
    /// The hot look-up, written out for the short case rather than through
    /// [`Probe`]: the general match costs more instructions per call.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        let b = w.as_bytes();
        if b.len() <= INLINE_KEY {
            let (w, n) = (short_words(b), b.len() as u8);
            return self
                .table
                .find(hash_short(&w, b.len()), |(k, _)| matches!(k, WordKey::Inline(m, kq) if *m == n && key_words(kq) == w))
                .map(|(_, v)| v);
        }
        self.table.find(hash_word(b), |(k, _)| k.bytes() == b).map(|(_, v)| v)
    }
    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
    /// Insert or replace; returns the previous value.
    pub fn insert(&mut self, w: &str, v: V) -> Option<V> {
        let p = Probe::new(w.as_bytes());
        match self.table.entry(p.hash(), |(k, _)| p.matches(k), |(k, _)| hash_word(k.bytes())) {
            hashbrown::hash_table::Entry::Occupied(mut slot) => Some(std::mem::replace(&mut slot.get_mut().1, v)),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert((WordKey::new(w), v));
                None
            }
        }
    }
    pub fn get_mut(&mut self, w: &str) -> Option<&mut V> {
        let p = Probe::new(w.as_bytes());
        self.table.find_mut(p.hash(), |(k, _)| p.matches(k)).map(|(_, v)| v)
    }
    /// The value of `w`, inserted with `make` when absent.
    pub fn get_or_insert_with(&mut self, w: &str, make: impl FnOnce() -> V) -> &mut V {
        let p = Probe::new(w.as_bytes());
        let entry = self.table.entry(p.hash(), |(k, _)| p.matches(k), |(k, _)| hash_word(k.bytes()));
        &mut entry.or_insert_with(|| (WordKey::new(w), make())).into_mut().1
    }
    pub fn clear(&mut self) {
        self.table.clear();
    }
    /// `HashMap`-style entry (only `or_default`), so tables can switch type
    /// without touching their call sites.
    pub fn entry(&mut self, w: String) -> WordEntry<'_, V> {
        WordEntry { table: self, word: w }
    }
    /// Every (word, value), in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        // (keys were built from `&str`, so they are valid UTF-8)
        self.table.iter().map(|(k, v)| (std::str::from_utf8(k.bytes()).unwrap_or(""), v))
    }
    /// Every word, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(k, _)| k)
    }
    /// Every value, in no particular order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.table.iter_mut().map(|(_, v)| v)
    }
}

/// A set of words for the closed-class lists the rules test token by token
/// (prepositions, copulas, titles…).
///
/// Why not `FastSet<String>`: most tokens are in none of these lists, and a
/// hash look-up costs the same for them. Here a mask of the byte lengths
/// present rejects most words with one bit test; a small list is then
/// scanned, a large one looked up.
#[derive(Clone, Default)]
pub struct WordSet {
    /// Bit `n` set: some word has `n` bytes (words of 63 bytes or more share bit 63).
    lengths: u64,
    /// The words, while there are few of them.
    few: Vec<Box<str>>,
    /// The words, once there are many.
    many: WordTable<()>,
}

/// Beyond this many words, [`WordSet`] hashes instead of scanning.
const FEW_WORDS: usize = 8;

impl WordSet {
    #[inline]
    fn length_bit(w: &str) -> u64 {
        1u64 << w.len().min(63)
    }
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        if self.lengths & Self::length_bit(w) == 0 {
            return false;
        }
        if self.many.is_empty() {
            self.few.iter().any(|x| **x == *w)
        } else {
            self.many.contains_key(w)
        }
    }
    /// Add a word; `false` when it was there already.
    pub fn insert(&mut self, w: String) -> bool {
        if self.contains(&w) {
            return false;
        }
        self.lengths |= Self::length_bit(&w);
        if self.many.is_empty() && self.few.len() < FEW_WORDS {
            self.few.push(w.into_boxed_str());
        } else {
            for x in self.few.drain(..) {
                self.many.insert(&x, ());
            }
            self.many.insert(&w, ());
        }
        true
    }
    pub fn len(&self) -> usize {
        self.few.len() + self.many.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Every word, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.few.iter().map(|x| &**x).chain(self.many.keys())
    }
}

impl std::fmt::Debug for WordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(it: I) -> Self {
        let mut s = WordSet::default();
        s.extend(it);
        s
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, it: I) {
        for w in it {
            self.insert(w);
        }
    }
}

/// A filter of exact words by their shape: the first two letters, the last letter and the length.
///
/// Why: the time and quote layers probe a table with every token, and most tokens are in neither.
/// Few words share a shape with a key: on the benchmark sample about one word in twelve has the
/// shape of a cue form (قالت، وأكد، مضيفا…), one in three that of a time form with its proclitics;
/// a bit test of a few instructions replaces the hash probe for the others. ([`EndingFilter`]
/// tests endings only, which most words share with some key, and cost more than it
/// saved in both layers.) False positives only cost the probe.
#[derive(Clone)]
pub struct ShapeFilter {
    bits: Vec<u64>,
}

impl Default for ShapeFilter {
    fn default() -> Self {
        ShapeFilter { bits: vec![0; SHAPE_BITS / 64] }
    }
}

impl std::fmt::Debug for ShapeFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ShapeFilter({} shapes)", self.bits.iter().map(|b| b.count_ones()).sum::<u32>())
    }
}

const SHAPE_BITS: usize = 1 << 16;

impl ShapeFilter {
    /// The slot of a word's shape, read on its bytes: the first four (two Arabic letters), the
    /// last two (one letter) and the byte length.
    #[inline]
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let n = b.len();
        let head = match b.first_chunk::<4>() {
            Some(h) => u32::from_le_bytes(*h) as u64,
            None => b.iter().fold(0u64, |h, &x| h << 8 | x as u64),
        };
        let tail = if n >= 2 { u16::from_le_bytes([b[n - 2], b[n - 1]]) as u64 } else { 0 };
        let x = head | tail << 32 | (n.min(0xffff) as u64) << 48;
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize & (SHAPE_BITS - 1)
    }
    pub fn insert(&mut self, w: &str) {
        let s = Self::slot(w);
        self.bits[s / 64] |= 1 << (s % 64);
    }
    /// False only when no inserted word has the shape of `w` (so `w` was not inserted).
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        let s = Self::slot(w);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

/// Which word endings (last three letters, or the whole word when it has
/// two) occur among a set of keys.
///
/// Why: the annotators look a token up under several clitic readings
/// (والاجتماع, الاجتماع, اجتماع), and every reading is a suffix of the token.
/// A token whose ending no key has has no reading in the table, so one bit
/// test replaces several look-ups for the great majority of tokens, which
/// trigger nothing. False positives only cost the look-ups.
#[derive(Clone)]
pub struct EndingFilter {
    bits: Vec<u64>,
}

impl std::fmt::Debug for EndingFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EndingFilter({} endings)", self.bits.iter().map(|b| b.count_ones()).sum::<u32>())
    }
}

impl Default for EndingFilter {
    fn default() -> Self {
        EndingFilter { bits: vec![0; ENDING_BITS / 64] }
    }
}

const ENDING_BITS: usize = 1 << 16;

impl EndingFilter {
    /// Slots of the last three and of the last two characters of `w` (None
    /// when `w` is shorter), in one backward pass.
    #[inline]
    fn endings(w: &str) -> (Option<usize>, Option<usize>) {
        #[inline]
        fn step(h: u64, c: char) -> u64 {
            (h.rotate_left(5) ^ c as u64).wrapping_mul(0x517c_c1b7_2722_0a95)
        }
        #[inline]
        fn slot(h: u64) -> usize {
            (h >> 48) as usize & (ENDING_BITS - 1)
        }
        let mut it = w.chars().rev();
        let (Some(c1), Some(c2)) = (it.next(), it.next()) else {
            return (None, None);
        };
        let two = step(step(2, c1), c2);
        let three = it.next().map(|c3| slot(step(step(step(3, c1), c2), c3)));
        (three, Some(slot(two)))
    }
    fn set(&mut self, b: usize) {
        self.bits[b / 64] |= 1 << (b % 64);
    }
    #[inline]
    fn get(&self, b: usize) -> bool {
        self.bits[b / 64] & (1 << (b % 64)) != 0
    }
    pub fn insert(&mut self, key: &str) {
        match Self::endings(key) {
            (Some(b), _) | (None, Some(b)) => self.set(b),
            _ => {}
        }
    }
    /// False only when no key of the set is a suffix of `w` (of two letters or more).
    #[inline]
    pub fn may_have_suffix_key(&self, w: &str) -> bool {
        let (three, two) = Self::endings(w);
        three.is_some_and(|b| self.get(b)) || two.is_some_and(|b| self.get(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn distinct_short_keys_hash_apart_and_equal_keys_alike() {
        let b = FastBuild::default();
        let words = ["في", "من", "الى", "قال", "وقال", "ال", "a", "ab", "abcdefgh", "abcdefghi"];
        let hashes: Vec<u64> = words.iter().map(|w| b.hash_one(w)).collect();
        for i in 0..hashes.len() {
            for j in i + 1..hashes.len() {
                assert_ne!(hashes[i], hashes[j], "{} and {}", words[i], words[j]);
            }
        }
        assert_eq!(b.hash_one("وقال"), b.hash_one(String::from("وقال")));
    }

    #[test]
    fn padded_copies_every_length_exactly() {
        // (high bytes too, as in Arabic letters: no sign or shift slips)
        for source in [(1..=INLINE_KEY as u8).collect::<Vec<u8>>(), (0..INLINE_KEY as u8).map(|i| 0xff - 3 * i).collect()] {
            for n in 0..=INLINE_KEY {
                let q = padded(&source[..n]);
                assert_eq!(&q[..n], &source[..n], "length {n}");
                assert!(q[n..].iter().all(|&b| b == 0), "length {n}: padding");
                // the probe's words are the stored key's words
                assert_eq!(short_words(&source[..n]), key_words(&q), "length {n}");
            }
        }
    }

    #[test]
    fn shape_filter_keeps_what_was_inserted() {
        let mut f = ShapeFilter::default();
        let words = ["", "a", "ab", "قال", "وقالت", "الأسبوع", "2024", "والثلاثاء"];
        for w in words {
            assert!(!f.may_contain(w), "{w}");
            f.insert(w);
        }
        for w in words {
            assert!(f.may_contain(w), "{w}");
        }
        // another shape (first letters, last letter or length differs) is turned away
        for w in ["ب", "قيل", "قالوا", "الأسبوعين", "عام"] {
            assert!(!f.may_contain(w), "{w}");
        }
    }

    #[test]
    fn short_keys_spread_over_the_low_bits() {
        // Tables pick a slot from the low bits: 100 two-letter words must not
        // crowd into a few of 1,024 slots (before the final rotation they
        // took 32).
        let letters: Vec<char> = "ابتثجحخدذر".chars().collect();
        let b = FastBuild::default();
        let mut slots = std::collections::HashSet::new();
        for &x in &letters {
            for &y in &letters {
                let w: String = [x, y].iter().collect();
                slots.insert(b.hash_one(w.as_str()) & 1023);
            }
        }
        assert!(slots.len() >= 80, "100 words in {} slots", slots.len());
    }

    #[test]
    fn ending_filter_passes_every_key_under_its_prefixes_and_rejects_other_endings() {
        let keys = ["اجتماع", "زار", "قال", "في"];
        let mut f = EndingFilter::default();
        for k in keys {
            f.insert(k);
        }
        for k in keys {
            assert!(f.may_have_suffix_key(k), "{k}");
            for p in ["و", "ال", "وال", "فب"] {
                assert!(f.may_have_suffix_key(&format!("{p}{k}")), "{p}{k}");
            }
        }
        // words whose last two or three letters no key has
        let rejected = ["كتاب", "مدرسة", "سياره", "ب"].iter().filter(|w| !f.may_have_suffix_key(w)).count();
        assert_eq!(rejected, 4);
    }

    #[test]
    fn map_and_set_work_as_tables() {
        let mut m: FastMap<String, u32> = FastMap::default();
        m.insert("قال".into(), 1);
        m.insert("أكد".into(), 2);
        assert_eq!(m.get("قال"), Some(&1));
        assert_eq!(m.get("اكد"), None);
        let s: FastSet<&str> = ["و", "ف"].into_iter().collect();
        assert!(s.contains("و") && !s.contains("ب"));
    }

    #[test]
    fn word_table_keeps_short_and_long_words_apart() {
        let mut t: WordTable<u32> = WordTable::default();
        let long = "الاستراتيجيةالاستراتيجية"; // longer than the inline limit
        assert!(long.len() > INLINE_KEY);
        assert_eq!(t.insert("قال", 1), None);
        assert_eq!(t.insert(long, 2), None);
        assert_eq!(t.insert("قال", 3), Some(1));
        *t.get_or_insert_with("اكد", || 0) += 5;
        *t.get_or_insert_with("اكد", || 0) += 5;
        assert_eq!(t.get("قال"), Some(&3));
        assert_eq!(t.get(long), Some(&2));
        assert_eq!(t.get(&long[..long.len() - 2]), None);
        assert_eq!(t.get("اكد"), Some(&10));
        assert_eq!(t.get("قا"), None);
        assert_eq!(t.len(), 3);
        t.clear();
        assert!(t.is_empty() && t.get("قال").is_none());
    }

    #[test]
    fn word_set_small_and_large() {
        let mut s = WordSet::default();
        assert!(!s.contains("في") && s.is_empty());
        assert!(s.insert("في".to_string()));
        assert!(!s.insert("في".to_string()));
        s.extend(["من", "على", "الى"].map(String::from));
        assert!(s.contains("في") && s.contains("الى") && !s.contains("عن") && !s.contains(""));
        // past the scanning limit it hashes, and keeps every word
        let many: Vec<String> = (0..40).map(|i| format!("كلمة{i}")).collect();
        s.extend(many.iter().cloned());
        assert_eq!(s.len(), 44);
        assert!(many.iter().all(|w| s.contains(w)) && s.contains("في") && !s.contains("كلمة40"));
        let long = "ا".repeat(40); // 80 bytes: the shared last length bit
        s.insert(long.clone());
        assert!(s.contains(&long) && !s.contains(&"ا".repeat(41)));
        let mut seen: Vec<&str> = s.iter().collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 45);
    }
}
