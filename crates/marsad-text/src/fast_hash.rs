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
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(buf));
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
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FastHasher`]s.
pub type FastBuild = BuildHasherDefault<FastHasher>;
/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastBuild>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, FastBuild>;

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
    fn map_and_set_work_as_tables() {
        let mut m: FastMap<String, u32> = FastMap::default();
        m.insert("قال".into(), 1);
        m.insert("أكد".into(), 2);
        assert_eq!(m.get("قال"), Some(&1));
        assert_eq!(m.get("اكد"), None);
        let s: FastSet<&str> = ["و", "ف"].into_iter().collect();
        assert!(s.contains("و") && !s.contains("ب"));
    }
}
