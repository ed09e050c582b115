//! Content hashes and SimHash fingerprints for exact and near-duplicate detection.

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

/// 64-bit SimHash over word 3-shingles of the normalised text; None for very short texts.
pub fn simhash(text: &str) -> Option<u64> {
    let norm = marsad_text::normalize_str(text);
    let words: Vec<u64> = crate::analyzer::words(&norm).map(|(a, b)| word_hash(&norm[a..b])).collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut acc = [0i32; 64];
    for w in words.windows(3) {
        let h = mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42));
        for (bit, slot) in acc.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *slot += 1;
            } else {
                *slot -= 1;
            }
        }
    }
    let mut out = 0u64;
    for (bit, v) in acc.iter().enumerate() {
        if *v > 0 {
            out |= 1 << bit;
        }
    }
    Some(out)
}

/// Hamming distance at or under which two fingerprints are near-duplicates.
/// With six bands, any pair within 5 bits agrees on at least one band.
pub const MAX_DISTANCE: u32 = 5;

const BAND_BITS: [(u32, u32); 6] = [(0, 11), (11, 11), (22, 11), (33, 11), (44, 10), (54, 10)];

/// The six bands of a fingerprint (band number folded into the value).
pub fn bands(h: u64) -> [i64; 6] {
    let mut out = [0i64; 6];
    for (i, (shift, bits)) in BAND_BITS.iter().enumerate() {
        out[i] = ((i as i64) << 16) | ((h >> shift) & ((1u64 << bits) - 1)) as i64;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "أعلنت وزارة الخارجية المصرية اليوم أن وفدا رفيع المستوى سيتوجه إلى الخرطوم الأسبوع المقبل لبحث الأزمة الإنسانية المتفاقمة في إقليم دارفور مع قادة المجلس السيادي والفصائل المسلحة";

    #[test]
    fn small_edit_is_near() {
        let long = format!("{A} وأضافت الوزارة في بيان أن الوفد سيلتقي رئيس المجلس ونائبه ووزراء الخارجية والداخلية والصحة لبحث سبل إيصال المساعدات إلى المدنيين في المناطق المتضررة من القتال المستمر منذ أشهر، كما سيزور مخيمات النازحين على الحدود ويجتمع بممثلي المنظمات الدولية العاملة هناك");
        let b = long.replace("المقبل", "القادم");
        let (ha, hb) = (simhash(&long).unwrap(), simhash(&b).unwrap());
        assert!((ha ^ hb).count_ones() <= MAX_DISTANCE, "{}", (ha ^ hb).count_ones());
        let other = "قال البنك المركزي التونسي إن معدل التضخم تراجع خلال الشهر الماضي إلى أدنى مستوى له منذ عامين بفضل انخفاض أسعار المواد الغذائية والطاقة في الأسواق المحلية";
        let hc = simhash(other).unwrap();
        assert!((ha ^ hc).count_ones() > 10);
    }

    #[test]
    fn hashes() {
        assert_eq!(content_hash(&["a", "b"]), content_hash(&["a", "b"]));
        assert_ne!(content_hash(&["ab", ""]), content_hash(&["a", "b"]));
        assert!(simhash("قصير جدا").is_none());
        let b = bands(u64::MAX);
        assert_eq!(b[0], 0x7ff);
        assert_eq!(b[5], (5 << 16) | 0x3ff);
    }
}
