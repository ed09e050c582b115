//! The whole pipeline on arbitrary bytes: lossy decoding, then every
//! annotator; the same bytes read as HTML go through extraction first.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static marsad::Pipeline {
    static P: OnceLock<marsad::Pipeline> = OnceLock::new();
    P.get_or_init(marsad::Pipeline::standard)
}

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _warnings)) = marsad::input::decode(data, true) {
        let doc = pipeline().analyze(&text, "2024-01-27");
        let _ = doc;
        let (extracted, _meta) = marsad::input::html_to_text(&text);
        let doc = pipeline().analyze(&extracted, "2024-01-27");
        let _ = doc;
    }
});
