//! Quality floor for HTML → article text on the dev pages in eval/html
//! (NAME.html + NAME.txt), with the bag-of-words metric of
//! benchmarks/bench.py (see examples/html_eval.rs for the per-page report).

mod support {
    pub mod bag_of_words;
}
use support::bag_of_words::prf;

#[test]
fn dev_pages_keep_the_article_and_little_else() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/html");
    let mut pages = 0;
    let (mut sum_p, mut sum_r) = (0.0, 0.0);
    for entry in std::fs::read_dir(dir).expect("eval/html") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let gold_path = path.with_extension("txt");
        let Ok(gold) = std::fs::read_to_string(&gold_path) else { continue };
        let html = std::fs::read_to_string(&path).unwrap();
        let (text, _) = marsad::input::html_to_text(&html);
        let (p, r, _, _, _) = prf(&text, &gold);
        // Never lose the article: every page keeps nearly all of its words.
        assert!(r >= 0.9, "{}: recall {r:.3}\n{text}", path.display());
        assert!(p >= 0.8, "{}: precision {p:.3}\n{text}", path.display());
        sum_p += p;
        sum_r += r;
        pages += 1;
    }
    assert!(pages >= 8, "only {pages} dev pages found in {dir}");
    let (mp, mr) = (sum_p / pages as f64, sum_r / pages as f64);
    assert!(mp >= 0.95 && mr >= 0.97, "mean precision {mp:.3}, recall {mr:.3} over {pages} pages");
}
