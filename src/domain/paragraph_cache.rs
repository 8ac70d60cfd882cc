//! The paragraph cache that keeps the checker cheap on every keystroke: findings per paragraph,
//! keyed by the paragraph's text, so only the paragraph that changed is checked again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::language_check::{Checker, Finding};
use super::phrase_pattern::paragraph_ranges;

impl Checker {
    /// Checks a draft using (and refreshing) a per-paragraph cache: paragraphs whose text is
    /// unchanged since the last call are not checked again. The result is always the same as
    /// [`Checker::check`] on the whole text.
    pub fn check_cached(&self, text: &str, cache: &mut ParagraphCache) -> Vec<Finding> {
        if cache.checker_id != self.id {
            cache.paragraphs.clear();
            cache.checker_id = self.id;
        }
        cache.generation = cache.generation.wrapping_add(1);
        let generation = cache.generation;
        let mut out = Vec::new();
        cache.last_rechecked = 0;
        for range in paragraph_ranges(text) {
            let paragraph = &text[range.clone()];
            let found = match cache.paragraphs.get_mut(paragraph) {
                Some(cached) => {
                    cached.1 = generation;
                    &cached.0
                }
                None => {
                    let mut found = Vec::new();
                    self.check_into(paragraph, 0, &mut found);
                    cache.last_rechecked += 1;
                    &cache
                        .paragraphs
                        .entry(paragraph.to_string())
                        .or_insert((found, generation))
                        .0
                }
            };
            out.extend(found.iter().map(|f| Finding {
                start: f.start + range.start,
                end: f.end + range.start,
                ..f.clone()
            }));
        }
        cache.paragraphs.retain(|_, (_, g)| *g == generation);
        out
    }
}

/// Findings per paragraph, remembered between checks of the same draft (see
/// [`Checker::check_cached`]). Keep one per open draft; it forgets paragraphs that are gone, and
/// everything when used with a different checker.
#[derive(Debug, Default)]
pub struct ParagraphCache {
    checker_id: u64,
    generation: u64,
    paragraphs: HashMap<String, (Vec<Finding>, u64), BuildHasherDefault<FastHasher>>,
    last_rechecked: usize,
}

/// A quick hash for the paragraph cache (the FxHash mix, eight bytes at a time): every
/// keystroke hashes the whole draft, and the default hasher's protection against crafted keys
/// is no use for a trainee's own text on their own device.
#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &byte in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl ParagraphCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many paragraphs the last [`Checker::check_cached`] had to check afresh.
    pub fn last_rechecked(&self) -> usize {
        self.last_rechecked
    }
}
