//! Self-study flashcards over glossary entries, scheduled with Leitner boxes.
//!
//! # Scheduling: Leitner boxes
//!
//! Every card sits in one of five boxes. A card the trainee has never reviewed is new and counts as
//! due at once. "Knew it" moves a card up one box (to at most box 5); "not yet" sends it back to
//! box 1. A card is next due a fixed number of days after its review, by box:
//!
//! | box | 1 | 2 | 3 | 4 | 5 |
//! |-----|---|---|---|---|---|
//! | due after (days) | 0 | 1 | 3 | 7 | 14 |
//!
//! So a card not yet known comes back in the same sitting, and a well-known one about every two
//! weeks. We chose Leitner over SM-2 because it is easy to explain on screen ("box 3 of 5") and
//! needs only "knew it / not yet", which suits a quick session on a phone.
//!
//! Progress is plain data keyed by entry id, saved by the storage layer. Dates are passed in, never
//! read from a clock.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::date::CalendarDate;
use super::glossary::{GlossaryEntry, TraineeGlossary};

/// Days until a card is due again, indexed by box (box 1 first).
pub const BOX_INTERVAL_DAYS: [i64; 5] = [0, 1, 3, 7, 14];

/// The highest box.
pub const TOP_BOX: u8 = 5;

/// Which entries to study.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum DeckChoice {
    /// Every entry in the glossary (the starting choice).
    #[default]
    All,
    /// The entries in these categories.
    Categories(Vec<String>),
    /// The trainee's favourites.
    Favourites,
}

/// The entry ids in a deck, in glossary order.
pub fn deck_ids(glossary: &TraineeGlossary, choice: &DeckChoice) -> Vec<String> {
    let keep = |e: &GlossaryEntry| match choice {
        DeckChoice::All => true,
        DeckChoice::Categories(categories) => categories.contains(&e.category),
        DeckChoice::Favourites => glossary.is_favourite(&e.id),
    };
    glossary
        .all_entries()
        .filter(|e| keep(e))
        .map(|e| e.id.clone())
        .collect()
}

/// How a review went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// They knew it: the card moves up a box.
    KnewIt,
    /// Not yet: the card goes back to box 1.
    NotYet,
}

/// Where one card stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardState {
    /// The Leitner box, 1 to 5.
    #[serde(rename = "box")]
    pub leitner_box: u8,
    /// The first day it is due again.
    pub due: CalendarDate,
    /// The day it was last reviewed.
    pub last_reviewed: CalendarDate,
    /// How many times it has been reviewed.
    pub reviews: u32,
}

/// How many cards of a deck want attention on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DueSummary {
    /// Cards reviewed before and due again on or before the day.
    pub due: usize,
    /// Cards never reviewed yet.
    pub new: usize,
}

impl DueSummary {
    /// Everything that can be studied today.
    pub fn total(self) -> usize {
        self.due + self.new
    }
}

/// Flashcard progress: one state per reviewed entry id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlashcardProgress {
    /// Card states by entry id.
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
    /// The deck the trainee last chose, so the flashcards page and the home screen's due count
    /// agree, and the choice is still there next time. Progress saved before this field existed
    /// reads as [`DeckChoice::All`].
    #[serde(default)]
    pub deck: DeckChoice,
}

impl FlashcardProgress {
    /// The state of one card, if it has been reviewed.
    pub fn card(&self, id: &str) -> Option<&CardState> {
        self.cards.get(id)
    }

    /// Whether a card should be studied on `today` (new cards always are).
    pub fn is_due(&self, id: &str, today: CalendarDate) -> bool {
        self.cards.get(id).is_none_or(|c| c.due <= today)
    }

    /// Due and new counts for a deck on a day.
    pub fn due_summary(&self, deck: &[String], today: CalendarDate) -> DueSummary {
        let mut summary = DueSummary::default();
        for id in deck {
            match self.cards.get(id) {
                None => summary.new += 1,
                Some(c) if c.due <= today => summary.due += 1,
                Some(_) => {}
            }
        }
        summary
    }

    /// The cards to study on a day, in order: reviewed cards that are due (lowest box, then
    /// earliest due, first), then new cards in deck order, up to `new_limit` of them.
    pub fn study_queue(
        &self,
        deck: &[String],
        today: CalendarDate,
        new_limit: usize,
    ) -> Vec<String> {
        let mut due: Vec<(&String, &CardState)> = deck
            .iter()
            .filter_map(|id| self.cards.get(id).map(|c| (id, c)))
            .filter(|(_, c)| c.due <= today)
            .collect();
        due.sort_by_key(|(_, c)| (c.leitner_box, c.due));
        let new = deck
            .iter()
            .filter(|id| !self.cards.contains_key(*id))
            .take(new_limit);
        due.into_iter()
            .map(|(id, _)| id.clone())
            .chain(new.cloned())
            .collect()
    }

    /// Records a review and returns the card's new state.
    pub fn review(&mut self, id: &str, outcome: ReviewOutcome, today: CalendarDate) -> CardState {
        let previous = self.cards.get(id).copied();
        let leitner_box = match (outcome, previous) {
            (ReviewOutcome::NotYet, _) => 1,
            // A new card that is already known skips straight to box 2.
            (ReviewOutcome::KnewIt, None) => 2,
            (ReviewOutcome::KnewIt, Some(c)) => (c.leitner_box.clamp(1, TOP_BOX) + 1).min(TOP_BOX),
        };
        let state = CardState {
            leitner_box,
            due: today.add_days(BOX_INTERVAL_DAYS[usize::from(leitner_box - 1)]),
            last_reviewed: today,
            reviews: previous.map_or(0, |c| c.reviews).saturating_add(1),
        };
        self.cards.insert(id.to_string(), state);
        state
    }

    /// Starts a card again from scratch.
    pub fn reset(&mut self, id: &str) {
        self.cards.remove(id);
    }

    /// Forgets cards whose entries no longer exist (an own entry was deleted), returning how many.
    pub fn forget_missing(&mut self, glossary: &TraineeGlossary) -> usize {
        let known: BTreeSet<&str> = glossary.all_entries().map(|e| e.id.as_str()).collect();
        let before = self.cards.len();
        self.cards.retain(|id, _| known.contains(id.as_str()));
        before - self.cards.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    #[test]
    fn knowing_a_card_moves_it_up_the_boxes_with_growing_gaps() {
        let mut p = FlashcardProgress::default();
        let mut today = day("2026-01-05");
        let mut gaps = Vec::new();
        for _ in 0..6 {
            let state = p.review("hope", ReviewOutcome::KnewIt, today);
            gaps.push(today.days_until(state.due));
            today = state.due;
        }
        assert_eq!(gaps, [1, 3, 7, 14, 14, 14]);
        assert_eq!(p.card("hope").unwrap().leitner_box, TOP_BOX);
        assert_eq!(p.card("hope").unwrap().reviews, 6);
    }

    #[test]
    fn not_yet_sends_a_card_back_to_box_one_due_the_same_day() {
        let mut p = FlashcardProgress::default();
        let today = day("2026-01-05");
        p.review("hope", ReviewOutcome::KnewIt, today);
        p.review("hope", ReviewOutcome::KnewIt, day("2026-01-06"));
        let state = p.review("hope", ReviewOutcome::NotYet, day("2026-01-09"));
        assert_eq!(state.leitner_box, 1);
        assert_eq!(state.due, day("2026-01-09"));
        assert!(p.is_due("hope", day("2026-01-09")));
    }

    #[test]
    fn reviewing_five_cards_changes_the_due_count() {
        let g = TraineeGlossary::default();
        let deck = deck_ids(
            &g,
            &DeckChoice::Categories(vec!["Recovery concepts".into()]),
        );
        assert!(deck.len() >= 5);
        let mut p = FlashcardProgress::default();
        let today = day("2026-03-02");
        let before = p.due_summary(&deck, today);
        assert_eq!(
            before,
            DueSummary {
                due: 0,
                new: deck.len()
            }
        );
        let queue = p.study_queue(&deck, today, 5);
        assert_eq!(queue.len(), 5);
        for id in &queue {
            p.review(id, ReviewOutcome::KnewIt, today);
        }
        let after = p.due_summary(&deck, today);
        assert_eq!(after.total(), before.total() - 5);
        // Tomorrow the five come back.
        assert_eq!(p.due_summary(&deck, today.add_days(1)).due, 5);
    }

    #[test]
    fn the_queue_puts_struggling_cards_first() {
        let mut p = FlashcardProgress::default();
        let today = day("2026-03-02");
        let deck: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        p.review("a", ReviewOutcome::KnewIt, today.add_days(-1)); // box 2, due today
        p.review("b", ReviewOutcome::NotYet, today); // box 1, due today
        assert_eq!(p.study_queue(&deck, today, 1), ["b", "a", "c"]);
        assert_eq!(p.study_queue(&deck, today, 0), ["b", "a"]);
    }

    #[test]
    fn decks_can_be_favourites_or_categories() {
        let mut g = TraineeGlossary::default();
        assert!(deck_ids(&g, &DeckChoice::Favourites).is_empty());
        g.toggle_favourite("mutuality");
        g.toggle_favourite("hope");
        let fav = deck_ids(&g, &DeckChoice::Favourites);
        assert_eq!(fav.len(), 2);
        assert!(fav.contains(&"hope".to_string()));
        assert!(deck_ids(&g, &DeckChoice::All).len() >= 80);
        assert!(deck_ids(&g, &DeckChoice::Categories(vec!["No such".into()])).is_empty());
    }

    #[test]
    fn cards_for_deleted_entries_are_forgotten() {
        let g = TraineeGlossary::default();
        let mut p = FlashcardProgress::default();
        p.review("hope", ReviewOutcome::KnewIt, day("2026-03-02"));
        p.review("own-9", ReviewOutcome::KnewIt, day("2026-03-02"));
        assert_eq!(p.forget_missing(&g), 1);
        assert!(p.card("hope").is_some());
    }

    #[test]
    fn progress_round_trips_through_json() {
        let mut p = FlashcardProgress::default();
        p.review("hope", ReviewOutcome::KnewIt, day("2026-03-02"));
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("\"box\":2"), "{json}");
        assert_eq!(serde_json::from_str::<FlashcardProgress>(&json).unwrap(), p);
        let choice = serde_json::to_string(&DeckChoice::Categories(vec!["x".into()])).unwrap();
        assert_eq!(choice, r#"{"kind":"categories","value":["x"]}"#);
    }

    #[test]
    fn progress_saved_before_the_deck_choice_existed_reads_as_the_whole_glossary() {
        let old = r#"{"cards":{"hope":{"box":2,"due":"2026-01-06","last_reviewed":"2026-01-05","reviews":1}}}"#;
        let progress: FlashcardProgress = serde_json::from_str(old).unwrap();
        assert_eq!(progress.deck, DeckChoice::All);
        assert_eq!(progress.card("hope").map(|c| c.leitner_box), Some(2));
    }

    #[test]
    fn the_chosen_deck_is_kept_with_the_progress() {
        let progress = FlashcardProgress {
            deck: DeckChoice::Categories(vec!["Recovery concepts".into()]),
            ..FlashcardProgress::default()
        };
        let json = serde_json::to_string(&progress).unwrap();
        let back: FlashcardProgress = serde_json::from_str(&json).unwrap();
        assert_eq!(back, progress);
    }
}
