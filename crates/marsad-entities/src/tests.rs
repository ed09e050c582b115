use super::*;
use marsad_doc::Doc;

fn run(text: &str) -> Doc {
    let mut d = Doc::new(text, "2024-01-27");
    EntityAnnotator::rules_only().annotate(&mut d);
    d
}
