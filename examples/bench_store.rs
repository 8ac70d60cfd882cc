//! Makes the texts and stores `make bench` measures with, deterministically (a seeded PRNG, no
//! downloads), using the storage layer's own API, and times loading and saving them natively.
//!
//!   cargo run --release --example bench_store -- <out-dir>
//!
//! Writes into `<out-dir>`:
//! - `text-5000.txt`, `text-50000.txt`: reflective prose with a flagged phrase now and then;
//! - `store-<name>.json`: exactly what localStorage would hold (key -> value) for each store:
//!   `empty` (a first visit: nothing), `typical` (a few weeks in), `year` (a year's worth: two long
//!   drafts with version history, a full journal, every checklist ticked), `typing` (one
//!   10,000-word draft open in the editor), each built as the app builds it: domain types,
//!   `Store::set_typed`, `Store::save` over a `MemoryBackend`;
//!
//! and prints one JSON object on stdout: each store's size (UTF-16 units, as the browser's quota
//! counts, and UTF-8 bytes), native load and save times, and how many 5,000-word drafts with their
//! history fit in the 5 MiB quota. A measurement, never a test: nothing here is asserted.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use peer_study::domain::assignment::{course_assignment, Assignment, Draft, SectionId};
use peer_study::domain::attendance::{Attendance, Mark};
use peer_study::domain::course::CourseState;
use peer_study::domain::date::{CalendarDate, UnixMs};
use peer_study::domain::history::{History, ThinningPolicy};
use peer_study::domain::journal::{Journal, JournalDraft};
use peer_study::domain::placement::{PlacementDraft, PlacementLog};
use peer_study::storage::backend::{storage_units, Backend, BROWSER_QUOTA_UNITS};
use peer_study::storage::keys;
use peer_study::storage::memory_backend::MemoryBackend;
use peer_study::storage::store::Store;
use serde_json::{json, Value};

/// "Now" for every store: 30 June 2026, 12:00 UTC. Fixed, so every run builds the same bytes.
const NOW: UnixMs = 1_782_820_800_000;
const MINUTE: UnixMs = 60_000;
const DAY: UnixMs = 24 * 60 * MINUTE;
/// How many times each native timing is repeated (the median is reported).
const RUNS: usize = 15;

// ----- a seeded PRNG and a prose generator --------------------------------------------------

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const OPENERS: &[&str] = &[
    "Looking back,",
    "In the group this week,",
    "On my placement,",
    "When I think about it now,",
    "At first",
    "Over the last few weeks",
    "In supervision",
    "Talking with my peer supervisor,",
    "During the session on boundaries,",
    "Most days",
    "Before the course",
    "Since then",
];
const SUBJECTS: &[&str] = &[
    "I",
    "we",
    "my mum",
    "the group",
    "one of the trainees",
    "the team",
    "my friend",
    "the facilitator",
    "a woman I met",
    "the people I support",
];
const VERBS: &[&str] = &[
    "noticed",
    "learned",
    "felt",
    "remembered",
    "talked about",
    "wrote about",
    "found",
    "shared",
    "tried",
    "recognised",
    "practised",
    "questioned",
];
const OBJECTS: &[&str] = &[
    "how much hope matters when everything feels stuck",
    "the difference between fixing and being alongside someone",
    "what mutuality looks like in a short conversation",
    "that small routines can hold a whole day together",
    "how sharing my story with intention can open a door",
    "the strengths people bring even on their hardest days",
    "why choice and control sit at the heart of recovery",
    "how connection, identity and meaning grow slowly",
    "that listening without judging takes real practice",
    "the way language shapes how people see themselves",
    "how a wellness plan helps me notice early warning signs",
    "what it means to take positive risks together",
    "that trauma-informed practice starts with safety and trust",
    "the courage it takes to ask for help",
];
const CLOSERS: &[&str] = &[
    "and it stayed with me.",
    "which surprised me.",
    "and I want to carry that into my practice.",
    "even when it was hard to put into words.",
    "and I wrote it down so I would not forget.",
    "and that gave me hope.",
    "although I am still working it out.",
    "and it changed how I listen.",
];
/// Phrases the recovery-language checker (and often alex) flags, used now and then as real
/// drafts do when quoting or reflecting on how people were spoken about.
const FLAGGED: &[&str] = &[
    "The ward notes said she was suffering from depression and non-compliant with medication.",
    "He told me he had been called attention seeking for years.",
    "Someone in the team described a man as a schizophrenic, and nobody said anything.",
    "Her brother committed suicide when she was nineteen.",
    "They called him a frequent flyer because he came to A&E so often.",
    "I used to think of myself as mentally ill and nothing else.",
    "A nurse said the patient was manipulative and had challenging behaviour.",
    "My dad was an alcoholic and I was his carer from the age of twelve.",
    "People said I was crazy and I believed them for a long time.",
];

fn sentence(rng: &mut Rng) -> String {
    if rng.below(14) == 0 {
        return rng.pick(FLAGGED).to_string();
    }
    format!(
        "{} {} {} {} {}",
        rng.pick(OPENERS),
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(CLOSERS)
    )
}

/// About `words` words of prose in paragraphs of 60 to 160 words, separated by blank lines.
fn prose(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    let mut total = 0;
    while total < words {
        let para_words = (60 + rng.below(100)).min(words - total).max(1);
        let mut para = String::new();
        let mut n = 0;
        while n < para_words {
            let s = sentence(rng);
            n += s.split_whitespace().count();
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&s);
        }
        total += n;
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para);
    }
    out
}

// ----- building stores with the app's own types ---------------------------------------------

/// A store being built: the app's record names ("journal", "draft/<id>") and values.
struct Builder {
    store: Store<MemoryBackend>,
}

impl Builder {
    fn new() -> Self {
        Builder {
            store: Store::load(MemoryBackend::new(), NOW).0,
        }
    }
    fn set<T: serde::Serialize + serde::de::DeserializeOwned>(&mut self, name: &str, value: &T) {
        let key = format!("{}{name}", keys::PREFIX);
        self.store.set_typed(&key, value).expect("a record key");
    }
    fn finish(mut self) -> MemoryBackend {
        let report = self.store.save(NOW);
        assert!(report.failures.is_empty(), "{:?}", report.failures);
        self.store.backend().clone()
    }
}

fn date_of(ms: UnixMs) -> CalendarDate {
    CalendarDate::from_unix_ms(ms)
}

/// The course with `share` (0..=1) of every checklist ticked and notes on that share of modules.
fn course(rng: &mut Rng, share: f64) -> CourseState {
    let mut course = CourseState::from_builtin();
    let modules: Vec<_> = course.modules_and_placement().cloned().collect();
    let upto = (modules.len() as f64 * share).round() as usize;
    for module in &modules[..upto] {
        for item in &module.checklist {
            course.set_ticked(&item.id, true).expect("a built-in item");
        }
        course
            .set_notes(&module.id, &prose(rng, 150))
            .expect("a built-in module");
    }
    course
}

fn attendance(days: u32) -> Attendance {
    let mut marks = BTreeMap::new();
    for day in 1..=days {
        marks.insert(
            day,
            if day == 4 {
                Mark::Missed
            } else {
                Mark::Attended
            },
        );
    }
    Attendance {
        marks,
        ..Attendance::default()
    }
}

fn placement(rng: &mut Rng, visits: usize) -> PlacementLog {
    let mut log = PlacementLog::default();
    for i in 0..visits {
        let draft = PlacementDraft {
            date: date_of(NOW - (visits - i) as i64 * 7 * DAY).to_string(),
            hours: "3".into(),
            start: String::new(),
            end: String::new(),
            setting: "Community wellbeing hub".into(),
            observed: prose(rng, 120),
            learned: prose(rng, 80),
        };
        log.add(&draft).expect("a valid placement entry");
    }
    log
}

fn journal(rng: &mut Rng, course: &CourseState, entries: usize, every_days: i64) -> Journal {
    let mut journal = Journal::default();
    let module_ids: Vec<String> = course.modules.iter().map(|m| m.id.clone()).collect();
    for i in 0..entries {
        let at = NOW - (entries - i) as i64 * every_days * DAY;
        let words = 80 + rng.below(220);
        let draft = JournalDraft {
            date: date_of(at).to_string(),
            module_id: (i % 3 == 0).then(|| module_ids[i % module_ids.len()].clone()),
            title: format!("Reflection {}", i + 1),
            body: prose(rng, words),
        };
        journal
            .add(&draft, course, at)
            .expect("a valid journal entry");
    }
    journal
}

/// A draft written over `sessions` writing sessions, `days_apart` days apart and ending a day
/// before [`NOW`], reaching about `words` words, with version history taken the way the editor
/// takes it (an automatic snapshot every five minutes of typing and after each pause, a named one
/// now and then) and thinned by the default policy.
fn written_draft(
    rng: &mut Rng,
    assignment_id: &str,
    words: usize,
    sessions: usize,
    days_apart: i64,
) -> (Assignment, Draft, History) {
    let template = course_assignment(assignment_id).expect("a course assignment");
    let start = NOW - DAY - sessions as i64 * days_apart * DAY;
    let (assignment, mut draft) = Assignment::start_from_course(template, start);
    let mut history = History::new();
    let policy = ThinningPolicy::default();
    // The finished text of each section, revealed a little at a time as the trainee writes it.
    let section_ids: Vec<SectionId> = draft.sections.iter().map(|s| s.id).collect();
    let texts: Vec<String> = section_ids
        .iter()
        .map(|_| prose(rng, words / section_ids.len()))
        .collect();
    let finished: Vec<Vec<&str>> = texts
        .iter()
        .map(|t| t.split_inclusive(' ').collect())
        .collect();
    let total_pieces: usize = finished.iter().map(Vec::len).sum();
    const BURSTS: usize = 6;
    let steps = sessions * BURSTS;
    let mut step = 0;
    for session in 0..sessions {
        let mut t = start + session as i64 * days_apart * DAY + 19 * 60 * MINUTE;
        for _ in 0..BURSTS {
            step += 1;
            // Words written so far, section by section in order.
            let mut left = total_pieces * step / steps;
            for (id, pieces) in section_ids.iter().zip(&finished) {
                let n = left.min(pieces.len());
                left -= n;
                let text = pieces[..n].concat().trim_end().to_string();
                if draft.section_text(*id) != Some(text.as_str()) {
                    draft.set_section_text(*id, text, t).expect("section");
                }
            }
            t += 5 * MINUTE;
            history.take_auto_if_due(&draft, t, t, &policy);
        }
        // The pause at the end of the session.
        history.take_auto_if_due(&draft, t + 2 * MINUTE, t, &policy);
        if session % 8 == 7 {
            history
                .take_named(
                    &draft,
                    &format!("Draft {}", session / 8 + 1),
                    t + 3 * MINUTE,
                    &policy,
                )
                .expect("a valid name");
        }
    }
    history.thin(NOW, &policy);
    (assignment, draft, history)
}

/// All 10,000 words spread over the essay's sections, as a long draft would be.
fn long_draft(rng: &mut Rng, words: usize) -> (Assignment, Draft) {
    let template = course_assignment("recovery-story-essay").expect("the essay");
    let (assignment, mut draft) = Assignment::start_from_course(template, NOW - 30 * DAY);
    let ids: Vec<SectionId> = draft.sections.iter().map(|s| s.id).collect();
    for id in &ids {
        draft
            .set_section_text(*id, prose(rng, words / ids.len()), NOW - DAY)
            .expect("section");
    }
    (assignment, draft)
}

/// A year's worth of data, with the two assignments at these lengths.
fn year_like(b: &mut Builder, rng: &mut Rng, essay_words: usize, final_words: usize) {
    let course = course(rng, 1.0);
    b.set("journal", &journal(rng, &course, 180, 2));
    b.set("attendance", &attendance(10));
    b.set("placement", &placement(rng, 12));
    b.set("course", &course);
    let (a1, d1, h1) = written_draft(rng, "recovery-story-essay", essay_words, 30, 3);
    let (a2, d2, h2) = written_draft(rng, "final-assignment", final_words, 40, 3);
    b.set("assignments", &vec![a1, a2]);
    for (d, h) in [(d1, h1), (d2, h2)] {
        b.set(&format!("draft/{}", d.assignment_id), &d);
        b.set(&format!("history/{}", d.assignment_id), &h);
    }
}

fn build_store(name: &str, rng: &mut Rng) -> MemoryBackend {
    let mut b = Builder::new();
    match name {
        // A first visit: nothing stored at all.
        "empty" => return MemoryBackend::new(),
        // A few weeks in: a third of the prep done, a handful of reflections, the essay begun.
        "typical" => {
            let course = course(rng, 0.33);
            b.set("journal", &journal(rng, &course, 12, 3));
            b.set("attendance", &attendance(3));
            b.set("placement", &placement(rng, 2));
            b.set("course", &course);
            let (a, d, h) = written_draft(rng, "recovery-story-essay", 1_200, 6, 3);
            b.set("assignments", &vec![a]);
            b.set(&format!("draft/{}", d.assignment_id), &d);
            b.set(&format!("history/{}", d.assignment_id), &h);
        }
        // A year's worth: every checklist ticked with notes, a reflection every other day, the
        // placement log, and both assignments written at length with their version history.
        "year" => year_like(&mut b, rng, 4_000, 6_000),
        // The same year, with both assignments written longer still (about 2 MB when histories
        // wrote every snapshot whole; about 0.7 MB since each section is written once).
        "large" => year_like(&mut b, rng, 7_000, 10_000),
        // The editor's worst realistic case: one 10,000-word draft.
        "typing" => {
            let (a, d) = long_draft(rng, 10_000);
            b.set("assignments", &vec![a]);
            b.set(&format!("draft/{}", d.assignment_id), &d);
        }
        other => panic!("no store called {other}"),
    }
    b.finish()
}

// ----- measuring ----------------------------------------------------------------------------

fn units(backend: &MemoryBackend) -> u64 {
    backend.used_units().expect("memory backend")
}

fn utf8_bytes(backend: &MemoryBackend) -> usize {
    backend
        .entries()
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum()
}

fn stats(mut ms: Vec<f64>) -> Value {
    ms.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    json!({
        "median": ms[ms.len() / 2],
        "min": ms[0],
        "max": ms[ms.len() - 1],
        "runs": ms.len(),
    })
}

fn elapsed_ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1e3
}

/// Native load, save-everything and save-one-draft times for a stored backend.
fn time_store(backend: &MemoryBackend) -> Value {
    let (mut load, mut save_all, mut save_one) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..RUNS {
        let started = Instant::now();
        let (mut store, _) = Store::load(backend.clone(), NOW);
        load.push(elapsed_ms(started));

        let record_keys: Vec<String> = store.records().keys().cloned().collect();
        for key in &record_keys {
            let mut data = store.get(key).expect("loaded").clone();
            if let Some(object) = data.as_object_mut() {
                object.insert("bench_touch".into(), json!(i));
            }
            store.set(key, data).expect("writable");
        }
        let started = Instant::now();
        store.save(NOW + 1);
        save_all.push(elapsed_ms(started));

        if let Some(key) = store
            .keys_of_kind(keys::RecordKind::Draft)
            .iter()
            .find(|k| k.starts_with(keys::DRAFT_PREFIX))
            .map(|k| k.to_string())
        {
            let mut data = store.get(&key).expect("loaded").clone();
            data["updated_at"] = json!(NOW + 2 + i as i64);
            store.set(&key, data).expect("writable");
            let started = Instant::now();
            store.save(NOW + 2);
            save_one.push(elapsed_ms(started));
        }
    }
    json!({
        "load_ms": stats(load),
        "save_all_ms": stats(save_all),
        "save_one_draft_ms": if save_one.is_empty() { Value::Null } else { stats(save_one) },
    })
}

/// How many 5,000-word drafts, each with the version history of writing it over ~12 weeks,
/// fit in the browser's quota, from the real encoded sizes of a draft, its history and its
/// place in the assignments list.
fn drafts_that_fit(rng: &mut Rng, year: &MemoryBackend) -> Value {
    let (a, d, h) = written_draft(rng, "final-assignment", 5_000, 36, 2);
    let mut b = Builder::new();
    b.set(&format!("draft/{}", d.assignment_id), &d);
    b.set(&format!("history/{}", d.assignment_id), &h);
    b.set("assignments", &vec![a.clone()]);
    let with_list = b.finish();
    let meta = with_list
        .peek(keys::META)
        .map(|v| storage_units(keys::META, v))
        .unwrap_or(0);
    let draft_units = with_list
        .entries()
        .iter()
        .filter(|(k, _)| k.starts_with(keys::DRAFT_PREFIX) || k.starts_with(keys::HISTORY_PREFIX))
        .map(|(k, v)| storage_units(k, v))
        .sum::<u64>();
    // One more entry in the assignments list (the list's JSON grows by one Assignment).
    let list_entry = serde_json::to_string(&a)
        .expect("json")
        .encode_utf16()
        .count() as u64
        + 1;
    let per_draft = draft_units + list_entry;
    // Everything in the year's store except its drafts and histories.
    let rest_of_year: u64 = year
        .entries()
        .iter()
        .filter(|(k, _)| {
            !(k.starts_with(keys::DRAFT_PREFIX) || k.starts_with(keys::HISTORY_PREFIX))
        })
        .map(|(k, v)| storage_units(k, v))
        .sum();
    json!({
        "quota_units": BROWSER_QUOTA_UNITS,
        "draft_words": d.sections.iter().map(|s| s.text.split_whitespace().count()).sum::<usize>(),
        "history_snapshots": h.snapshots().len(),
        "per_draft_units": per_draft,
        "fit_alone": (BROWSER_QUOTA_UNITS - meta) / per_draft,
        "fit_beside_a_year_of_other_data": (BROWSER_QUOTA_UNITS - rest_of_year) / per_draft,
    })
}

fn main() {
    let out: PathBuf = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bench-output/data".into())
        .into();
    std::fs::create_dir_all(&out).expect("create the output folder");

    let mut texts = serde_json::Map::new();
    for words in [5_000, 50_000] {
        let mut rng = Rng(words as u64);
        let text = prose(&mut rng, words);
        let path = out.join(format!("text-{words}.txt"));
        std::fs::write(&path, &text).expect("write a text");
        texts.insert(
            words.to_string(),
            json!({ "path": path, "words": text.split_whitespace().count(), "bytes": text.len() }),
        );
    }

    let mut stores = serde_json::Map::new();
    let mut year = None;
    for (i, name) in ["empty", "typical", "year", "large", "typing"]
        .into_iter()
        .enumerate()
    {
        let mut rng = Rng(1000 + i as u64);
        let backend = build_store(name, &mut rng);
        let path = out.join(format!("store-{name}.json"));
        std::fs::write(
            &path,
            serde_json::to_string(backend.entries()).expect("json"),
        )
        .expect("write a store");
        // An empty store still gets its meta record on the first save: measure that.
        let measured = if name == "empty" {
            Builder::new().finish()
        } else {
            backend.clone()
        };
        stores.insert(
            name.to_string(),
            json!({
                "path": path,
                "keys": backend.entries().len(),
                "units": units(&measured),
                "utf8_bytes": utf8_bytes(&measured),
                "native": time_store(&measured),
            }),
        );
        if name == "year" {
            year = Some(backend);
        }
    }

    let fit = drafts_that_fit(&mut Rng(7), &year.expect("the year store"));
    println!(
        "{}",
        json!({ "texts": texts, "stores": stores, "fit_5000_word_drafts": fit })
    );
}
