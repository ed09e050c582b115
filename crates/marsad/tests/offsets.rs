//! Property test of the whole pipeline: whatever the input, every span in
//! the JSON output is a valid code-point span whose text is the exact slice
//! of the input, and nothing panics.

use proptest::prelude::*;
use serde_json::Value;

/// News-like text: real Arabic words, names, dates, quotation marks and
/// reporting verbs, mixed with diacritics, controls, emoji and arbitrary characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "قال", "وأضاف", "أن", "إن", "الرئيس", "وزير الخارجية", "العراقي", "فؤاد حسين", "واشنطن", "وبغداد", "للعراق",
            "البنتاغون", "الولايات المتحدة", "حركة حماس", "إسرائيل", "شنت", "غارة", "على", "قتل", "ثلاثة", "نحو 70",
            "أمس", "الخميس", "7 تشرين الأول/ أكتوبر 2023", "١٥ رمضان ١٤٤٥ هـ", "هذا الأسبوع", "«", "»", "\"", "،", ".",
            "مصدر أمني", "بحسب", "نفى", "اتهم", "فرض عقوبات", "مضيفا", ":", "\n\n", " ", " ", " ",
        ]).prop_map(String::from),
        1 => prop::sample::select(vec![
            "\u{064E}", "\u{0651}", "\u{0640}", "\u{200F}", "\u{200C}", "\u{FEFF}", "\u{FEFB}", "😀", "🇮🇶", "\u{0}", "\r\n", "<p>", "&amp;",
        ]).prop_map(String::from),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check(v: &Value, chars: &[char], n: &mut usize) -> Result<(), TestCaseError> {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64)) {
                let (s, e) = (s as usize, e as usize);
                prop_assert!(s <= e && e <= chars.len(), "span {}..{} outside 0..{}", s, e, chars.len());
                if let Some(t) = m.get("text").and_then(Value::as_str) {
                    let slice: String = chars[s..e].iter().collect();
                    prop_assert_eq!(t, slice.as_str());
                    *n += 1;
                }
            }
            for x in m.values() {
                check(x, chars, n)?;
            }
        }
        Value::Array(a) => {
            for x in a {
                check(x, chars, n)?;
            }
        }
        _ => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn every_output_span_is_the_exact_input_slice(text in newsy()) {
        let pipeline = pipeline();
        let doc = pipeline.analyze(&text, "2024-01-27");
        let out = serde_json::to_value(doc.clone().into_analysis(marsad::OutputOptions { tokens: true, embed_text: false })).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let mut n = 0;
        check(&out, &chars, &mut n)?;
    }
}

fn pipeline() -> &'static marsad::Pipeline {
    static P: std::sync::OnceLock<marsad::Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(marsad::Pipeline::standard)
}

#[test]
fn the_checker_catches_a_wrong_span() {
    let chars: Vec<char> = "قال الوزير".chars().collect();
    let good = serde_json::json!({"a": [{"start": 0, "end": 3, "text": "قال"}]});
    let bad = serde_json::json!({"a": [{"start": 1, "end": 3, "text": "قال"}]});
    let mut n = 0;
    assert!(check(&good, &chars, &mut n).is_ok());
    assert_eq!(n, 1);
    assert!(check(&bad, &chars, &mut n).is_err());
}
