//! The checker against a corpus of real-sounding sentences (`tests/data/language_corpus.json`):
//! every expected finding must be found and nothing else may be flagged. Prints precision and
//! recall (run with `--nocapture` to see them).
#![cfg(not(target_arch = "wasm32"))]

use peer_study::domain::language_check::check_language;
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    sentences: Vec<Sentence>,
}

#[derive(Deserialize)]
struct Sentence {
    text: String,
    expect: Vec<Expected>,
}

#[derive(Deserialize, Debug, Clone, PartialEq)]
struct Expected {
    entry: String,
    matched: String,
}

fn corpus() -> Corpus {
    serde_json::from_str(include_str!("data/language_corpus.json")).expect("corpus parses")
}

#[test]
fn the_corpus_has_enough_sentences_including_many_that_must_not_be_flagged() {
    let c = corpus();
    assert!(c.sentences.len() >= 150, "{} sentences", c.sentences.len());
    let clean = c.sentences.iter().filter(|s| s.expect.is_empty()).count();
    assert!(
        clean >= 75,
        "only {clean} sentences that must not be flagged"
    );
}

#[test]
fn every_expected_phrase_is_found_and_nothing_else_is_flagged() {
    let (mut true_pos, mut false_pos, mut false_neg) = (0usize, 0usize, 0usize);
    let mut problems = Vec::new();
    for sentence in corpus().sentences {
        let found: Vec<Expected> = check_language(&sentence.text)
            .into_iter()
            .map(|f| Expected {
                entry: f.entry_id,
                matched: f.matched,
            })
            .collect();
        let mut unmatched = found.clone();
        for expected in &sentence.expect {
            if let Some(pos) = unmatched.iter().position(|f| f == expected) {
                unmatched.remove(pos);
                true_pos += 1;
            } else {
                false_neg += 1;
                problems.push(format!(
                    "MISSED {expected:?} in {:?} (found {found:?})",
                    sentence.text
                ));
            }
        }
        for extra in unmatched {
            false_pos += 1;
            problems.push(format!("FALSE ALARM {extra:?} in {:?}", sentence.text));
        }
    }
    let precision = true_pos as f64 / (true_pos + false_pos).max(1) as f64;
    let recall = true_pos as f64 / (true_pos + false_neg).max(1) as f64;
    for p in &problems {
        println!("{p}");
    }
    println!(
        "language corpus: {true_pos} found, {false_pos} false alarms, {false_neg} missed; precision {:.1}%, recall {:.1}%",
        precision * 100.0,
        recall * 100.0
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
