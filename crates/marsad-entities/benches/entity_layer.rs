//! Entity-layer throughput on real Arabic news (the bundled example article,
//! split into paragraphs as separate documents, as the CLI sees short news
//! items). Run: `cargo bench -p marsad-entities`.
//!
//! * `annotate`: the whole layer (word-table cache, name trie, rules, tagger);
//! * `tagger`: the statistical tagger alone (`tagger::tag_doc`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_doc::{Annotator, Doc};

const SAMPLE: &str = include_str!("../../../examples/seed.txt");

fn docs() -> Vec<Doc> {
    let mut out = Vec::new();
    for _ in 0..8 {
        for para in SAMPLE.split("\n\n").filter(|p| !p.trim().is_empty()) {
            out.push(Doc::new(para, "2024-01-27"));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = docs();
    let words: usize = docs.iter().map(|d| d.tokens.iter().filter(|t| t.kind.is_wordlike()).count()).sum();
    let ann = marsad_entities::EntityAnnotator::new();
    let mut g = c.benchmark_group("entity_layer");
    g.throughput(Throughput::Elements(words as u64));
    g.sample_size(20);
    g.bench_function("annotate", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let mut d = d.clone();
                ann.annotate(&mut d);
                n += d.entities.len();
            }
            n
        })
    });
    g.bench_function("tagger", |b| b.iter(|| docs.iter().map(|d| marsad_entities::tagger::tag_doc(d).len()).sum::<usize>()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
