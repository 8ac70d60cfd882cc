//! Measures (never asserts) how long the checker takes on long generated drafts, and how long a
//! keystroke costs with the paragraph cache. Run with
//! `cargo run --release --example checker_timing` (natively).
//! A measurement, not a test: speed is reported, never asserted.
//!
//! `make bench` runs it as `checker_timing --json <text file>...`: for each file, one JSON line
//! with the words, the findings and the time of each full check (after one warm-up check that
//! also compiles the rules), for the same generated texts it checks in the browser and with alex.

use std::time::Instant;

use peer_study::domain::language_check::{Checker, ParagraphCache};

/// A draft of about `words` words in paragraphs of about 120 words, mixing ordinary reflective
/// sentences with a flagged phrase now and then, as a real draft would.
fn generated_draft(words: usize) -> String {
    const SENTENCES: [&str; 12] = [
        "I started the course feeling unsure of myself, but the group made me welcome.",
        "Hope came back slowly, through small things like walking the dog each morning.",
        "In my placement I noticed how the team talked about people who were non-compliant.",
        "She had been suffering from anxiety for years and was patient with herself.",
        "We practised ask, share, ask in pairs, and I found it easier than I expected.",
        "Boundaries came up again in supervision, and I felt listened to.",
        "He said the ward called him a frequent flyer, which stayed with me.",
        "Mutuality means we both learn, and I learned a lot from the people I met.",
        "My mental health has its ups and downs, and I plan for both.",
        "The kitchen was clean and the tea was hot, which mattered more than you'd think.",
        "Writing my wellness plan helped me notice my early warning signs.",
        "What's wrong with you was a question I heard too often growing up.",
    ];
    let mut text = String::new();
    let mut count = 0;
    let mut i = 0;
    while count < words {
        let s = SENTENCES[i % SENTENCES.len()];
        text.push_str(s);
        count += s.split_whitespace().count();
        i += 1;
        text.push_str(if i % 9 == 0 { "\n\n" } else { " " });
    }
    text
}

fn time_ms<T>(runs: u32, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    (
        start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs),
        out,
    )
}

/// `--json <file>...`: one JSON line per file with the times of repeated full checks.
fn json_mode(files: &[String]) {
    let checker = Checker::builtin();
    for file in files {
        let text = std::fs::read_to_string(file).expect("read the text to check");
        let findings = checker.check(&text).len();
        // About two seconds' worth of runs per text, between 9 and 101 (many, because a busy
        // machine makes single runs noisy).
        let started = Instant::now();
        checker.check(&text);
        let once = started.elapsed().as_secs_f64();
        let runs = ((2.0 / once.max(1e-6)) as usize).clamp(9, 101);
        let times: Vec<String> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(checker.check(std::hint::black_box(&text)));
                format!("{:.4}", started.elapsed().as_secs_f64() * 1e3)
            })
            .collect();
        println!(
            "{{\"file\":{:?},\"words\":{},\"bytes\":{},\"findings\":{},\"ms\":[{}]}}",
            file,
            text.split_whitespace().count(),
            text.len(),
            findings,
            times.join(",")
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--json") {
        json_mode(&args[1..]);
        return;
    }
    let checker = Checker::builtin();
    let (compile_ms, _) = time_ms(5, || Checker::with_own_entries(&[]));
    println!(
        "timing: compiling the built-in rules ({} phrase variants): {compile_ms:.2} ms",
        checker.rule_count()
    );
    for words in [5_000, 10_000, 50_000] {
        let draft = generated_draft(words);
        let (full_ms, findings) = time_ms(10, || checker.check(&draft));
        // A keystroke: one character typed in the middle of the draft, with a warm cache.
        let mut cache = ParagraphCache::new();
        checker.check_cached(&draft, &mut cache);
        let middle = (draft.len() / 2..)
            .find(|&i| draft.is_char_boundary(i))
            .unwrap();
        let mut edited = draft.clone();
        let mut toggle = false;
        let (key_ms, _) = time_ms(50, || {
            toggle = !toggle;
            edited = draft.clone();
            if toggle {
                edited.insert(middle, 'x');
            }
            checker.check_cached(&edited, &mut cache)
        });
        println!(
            "timing: {words} words ({} KB): full check {full_ms:.2} ms, {} findings; keystroke with paragraph cache {key_ms:.3} ms (rechecked {} paragraph)",
            draft.len() / 1024,
            findings.len(),
            cache.last_rechecked()
        );
    }
}
