//! Content hashes and MinHash signatures for exact and near-duplicate detection.

/// A 128-bit content hash (two FNV-1a variants), as 32 hex digits.
pub fn content_hash(parts: &[&str]) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(std::iter::once(&0xffu8)) {
            a ^= byte as u64;
            a = a.wrapping_mul(0x0000_0100_0000_01b3);
            b = b.rotate_left(5) ^ (byte as u64);
            b = b.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    format!("{a:016x}{b:016x}")
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in w.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Minimum number of words for a fingerprint: shorter texts only match exactly.
pub const MIN_WORDS: usize = 12;

/// Number of MinHash functions in a signature.
pub const SIG_LEN: usize = 64;
/// LSH bands (of SIG_LEN / BANDS rows each): pairs with a Jaccard similarity
/// of 0.8 share a band with probability > 0.999, pairs at 0.3 with < 0.13;
/// candidates are then checked against [`MIN_SIMILARITY`].
pub const BANDS: usize = 16;
/// Estimated Jaccard similarity (of word 3-shingles) at or above which two
/// articles are near-duplicates.
pub const MIN_SIMILARITY: f64 = 0.7;

/// MinHash signature over word 3-shingles of the normalised text; None for very short texts.
pub fn minhash(text: &str) -> Option<Vec<u32>> {
    let norm = marsad_text::normalize_str(text);
    let words: Vec<u64> = crate::analyzer::words(&norm).map(|(a, b)| word_hash(&norm[a..b])).collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    // Hash function i: the high half of (a_i * x + b_i) mod 2^64, a_i odd.
    let params: [(u64, u64); SIG_LEN] = std::array::from_fn(|i| (mix(i as u64 * 2 + 1) | 1, mix(i as u64 * 2 + 2)));
    let mut sig = vec![u32::MAX; SIG_LEN];
    for w in words.windows(3) {
        let base = mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42));
        for (slot, (a, b)) in sig.iter_mut().zip(params.iter()) {
            let h = (base.wrapping_mul(*a).wrapping_add(*b) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// The LSH band keys of a signature (band number folded in).
pub fn bands(sig: &[u32]) -> Vec<i64> {
    let rows = SIG_LEN / BANDS;
    sig.chunks(rows)
        .enumerate()
        .map(|(i, chunk)| {
            let mut h: u64 = i as u64;
            for &v in chunk {
                h = mix(h ^ v as u64);
            }
            ((i as i64) << 48) | (h & 0xffff_ffff_ffff) as i64
        })
        .collect()
}

/// A signature as bytes (for storage) and back.
pub fn to_bytes(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn from_bytes(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "أعلنت وزارة الخارجية المصرية اليوم أن وفدا رفيع المستوى سيتوجه إلى الخرطوم الأسبوع المقبل لبحث الأزمة الإنسانية المتفاقمة في إقليم دارفور مع قادة المجلس السيادي والفصائل المسلحة";

    #[test]
    fn small_edit_is_near() {
        let long = format!("{A} وأضافت الوزارة في بيان أن الوفد سيلتقي رئيس المجلس ونائبه ووزراء الخارجية والداخلية والصحة لبحث سبل إيصال المساعدات إلى المدنيين في المناطق المتضررة من القتال المستمر منذ أشهر، كما سيزور مخيمات النازحين على الحدود ويجتمع بممثلي المنظمات الدولية العاملة هناك");
        let b = long.replace("المقبل", "القادم");
        let (ha, hb) = (minhash(&long).unwrap(), minhash(&b).unwrap());
        assert!(similarity(&ha, &hb) >= MIN_SIMILARITY, "{}", similarity(&ha, &hb));
        assert!(bands(&ha).iter().zip(bands(&hb)).any(|(x, y)| *x == y));
        let other = "قال البنك المركزي التونسي إن معدل التضخم تراجع خلال الشهر الماضي إلى أدنى مستوى له منذ عامين بفضل انخفاض أسعار المواد الغذائية والطاقة في الأسواق المحلية";
        let hc = minhash(other).unwrap();
        assert!(similarity(&ha, &hc) < 0.1);
    }

    #[test]
    fn hashes() {
        assert_eq!(content_hash(&["a", "b"]), content_hash(&["a", "b"]));
        assert_ne!(content_hash(&["ab", ""]), content_hash(&["a", "b"]));
        assert!(minhash("قصير جدا").is_none());
        let sig: Vec<u32> = (0..SIG_LEN as u32).collect();
        assert_eq!(from_bytes(&to_bytes(&sig)), sig);
        assert_eq!(bands(&sig).len(), BANDS);
        assert_eq!(bands(&sig)[3] >> 48, 3);
    }
}
