//! Text-layer throughput on real Arabic news (the bundled example article,
//! repeated to ~1 MB). Run: `cargo bench -p marsad-text`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SAMPLE: &str = include_str!("../../../examples/seed.txt");

fn corpus() -> String {
    let mut s = String::new();
    while s.len() < 1 << 20 {
        s.push_str(SAMPLE);
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("text_layer");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("normalize", |b| b.iter(|| marsad_text::Normalized::new(&text).len()));
    g.bench_function("tokenize", |b| b.iter(|| marsad_text::tokenize(&text).len()));
    g.bench_function("tokenize+sentences", |b| {
        b.iter(|| {
            let t = marsad_text::tokenize(&text);
            marsad_text::split_sentences(&text, &t).len()
        })
    });
    g.bench_function("normalize+tokenize+sentences", |b| {
        b.iter(|| {
            let n = marsad_text::Normalized::new(&text).len();
            let t = marsad_text::tokenize(&text);
            n + marsad_text::split_sentences(&text, &t).len()
        })
    });
    let tokens = marsad_text::tokenize(&text);
    g.bench_function("numbers", |b| b.iter(|| marsad_text::find_numbers(&text, &tokens).len()));
    let words: Vec<&str> = (0..tokens.len())
        .filter(|&i| tokens[i].kind == marsad_text::TokenKind::Word)
        .map(|i| tokens.text(&text, i))
        .collect();
    let _ = marsad_text::segment_word("و"); // load the lexicon outside the timing
    g.bench_function("segment every word", |b| {
        b.iter(|| words.iter().map(|w| marsad_text::segment_word(w).segments.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
