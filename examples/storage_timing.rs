//! Times loading and saving a ~2 MB store in the in-memory backend (natively, so the figures are a
//! floor for the browser, not a promise). Run with
//! `cargo run --release --example storage_timing`.

use std::time::Instant;

use peer_study::storage::backend::Backend;
use peer_study::storage::keys;
use peer_study::storage::memory_backend::MemoryBackend;
use peer_study::storage::store::Store;
use serde_json::json;

const NOW: i64 = 1_795_300_000_000;

fn words(n: usize) -> String {
    let sample = [
        "hope",
        "recovery",
        "mutuality",
        "listening",
        "strength",
        "choice",
        "peer",
    ];
    (0..n)
        .map(|i| sample[i % sample.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    // Two long drafts with history, a full journal, a course: about 2 MB in all.
    let (mut store, _) = Store::load(MemoryBackend::new(), NOW);
    for id in ["recovery-story", "final-assignment"] {
        store
            .set(
                &keys::draft(id),
                json!({"title": id, "body": words(10_000)}),
            )
            .unwrap();
        let snapshots: Vec<_> = (0..9)
            .map(|i| json!({"at": NOW - i * 86_400_000, "body": words(10_000)}))
            .collect();
        store
            .set(&keys::history(id), json!({ "snapshots": snapshots }))
            .unwrap();
    }
    let entries: Vec<_> = (0..365)
        .map(|i| json!({"date": format!("day {i}"), "text": words(120)}))
        .collect();
    store
        .set(keys::JOURNAL, json!({ "entries": entries }))
        .unwrap();
    store.set(keys::COURSE, json!({"modules": (0..16).map(|i| json!({"n": i, "notes": words(300)})).collect::<Vec<_>>()})).unwrap();
    store.save(NOW);
    let backend = store.backend().clone();
    let units = backend.used_units().unwrap();
    println!(
        "store size: {:.2} MB (UTF-16 units / 1e6)",
        units as f64 / 1e6
    );

    let runs = 20;
    let mut load_ms = Vec::new();
    let mut save_all_ms = Vec::new();
    let mut save_one_ms = Vec::new();
    let mut export_ms = Vec::new();
    for i in 0..runs {
        let started = Instant::now();
        let (mut store, _) = Store::load(backend.clone(), NOW);
        load_ms.push(started.elapsed().as_secs_f64() * 1e3);

        let keys: Vec<String> = store.records().keys().cloned().collect();
        for key in &keys {
            let mut data = store.get(key).unwrap().clone();
            data["touched"] = json!(i);
            store.set(key, data).unwrap();
        }
        let started = Instant::now();
        store.save(NOW + 1);
        save_all_ms.push(started.elapsed().as_secs_f64() * 1e3);

        let key = keys::draft("recovery-story");
        let mut data = store.get(&key).unwrap().clone();
        data["body"] = json!(format!("{} more", data["body"].as_str().unwrap()));
        store.set(&key, data).unwrap();
        let started = Instant::now();
        store.save(NOW + 2);
        save_one_ms.push(started.elapsed().as_secs_f64() * 1e3);

        let started = Instant::now();
        let file = store.export_backup(NOW);
        let _ = peer_study::storage::backup::parse_backup(&file, NOW).unwrap();
        export_ms.push(started.elapsed().as_secs_f64() * 1e3);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    println!(
        "load (read, decode, no migration): median {:.2} ms",
        median(&mut load_ms)
    );
    println!(
        "save everything dirty:             median {:.2} ms",
        median(&mut save_all_ms)
    );
    println!(
        "save one long draft:               median {:.2} ms",
        median(&mut save_one_ms)
    );
    println!(
        "export + parse a backup:           median {:.2} ms",
        median(&mut export_ms)
    );
}
