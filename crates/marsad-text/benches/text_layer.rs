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
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
