//! Print the clitic segmentation of each word given on the command line (or
//! of each word of stdin): `cargo run --release -p marsad-text --example segment -- وبالعراق للعراق`
use std::io::Read;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        let mut s = String::new();
        let _ = std::io::stdin().read_to_string(&mut s);
        args = s.split_whitespace().map(String::from).collect();
    }
    for w in args {
        println!("{w}\t{}", marsad_text::segment_word(&w).to_plus_string());
    }
}
