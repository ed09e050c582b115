use super::*;

fn run(text: &str) -> Doc {
    let mut doc = Doc::new(text, "2024-01-27");
    QuoteAnnotator::new().annotate(&mut doc);
    doc
}
