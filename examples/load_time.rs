//! Prints how long each built-in lexicon takes to load (parse), best of five runs.
use std::time::Instant;

fn best<T>(f: impl Fn() -> T) -> f64 {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    use parallax::entities::{brown, casing, clusters, frequency, gazetteer, model, names};
    println!(
        "model     {:6.1} ms",
        best(|| model::Model::from_bytes(model::BUILTIN)
            .unwrap()
            .feature_count())
    );
    println!(
        "gazetteer {:6.1} ms",
        best(|| gazetteer::Gazetteer::parse(gazetteer::BUILTIN)
            .unwrap()
            .len())
    );
    println!(
        "casing    {:6.1} ms",
        best(|| casing::Casing::parse(casing::BUILTIN).unwrap().len())
    );
    println!(
        "clusters  {:6.1} ms",
        best(|| clusters::Clusters::parse(clusters::BUILTIN).unwrap().len())
    );
    println!(
        "brown     {:6.1} ms",
        best(|| brown::Brown::parse(brown::BUILTIN).unwrap().len())
    );
    println!(
        "frequency {:6.1} ms",
        best(|| frequency::Frequency::parse(frequency::BUILTIN)
            .unwrap()
            .len())
    );
    println!(
        "names     {:6.1} ms",
        best(|| names::Names::parse(names::BUILTIN).unwrap().len())
    );
}
