//! Helpers for the glossary's browser tests: read and write the glossary records. Opening the app,
//! acting and reading are the shared ones in `support`.

use peer_study::domain::flashcards::FlashcardProgress;
use peer_study::domain::glossary::TraineeGlossary;
use peer_study::storage::record_names::{FLASHCARDS, GLOSSARY_OWN};

use crate::support::{saved, seed};

/// The trainee's glossary as stored on the device (the default when nothing is stored).
pub fn stored_glossary() -> TraineeGlossary {
    saved(GLOSSARY_OWN.key())
        .map(|json| serde_json::from_str(&json).expect("the stored glossary reads back"))
        .unwrap_or_default()
}

/// Stores a trainee glossary, as if saved on an earlier visit.
pub fn store_glossary(glossary: &TraineeGlossary) {
    seed(
        GLOSSARY_OWN.key(),
        &serde_json::to_string(glossary).unwrap(),
    );
}

/// Flashcard progress as stored on the device.
pub fn stored_flashcards() -> FlashcardProgress {
    saved(FLASHCARDS.key())
        .map(|json| serde_json::from_str(&json).expect("the stored progress reads back"))
        .unwrap_or_default()
}
