//! Adding and editing the trainee's own glossary entries (`/glossary/new`, `/glossary/:id/edit`).
//!
//! The form keeps exactly what was typed. Saving goes through the domain's
//! [`TraineeGlossary::add_own`] / [`TraineeGlossary::update_own`], which change nothing on an
//! error; the message is shown beside the field it is about and focus moves there.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use super::use_glossary;
use crate::app::form::{error_of, focus_first_problem, focus_id, Control, Field};
use crate::app::page::{MissingPage, Page};
use crate::app::records::UnsentForm;
use crate::domain::glossary::{
    OwnEntryDraft, OwnEntryError, OwnEntryField, TraineeGlossary, OWN_CATEGORY,
};

/// The category select's value for "a new category".
const NEW_CATEGORY: &str = "\u{0}new";

/// Splits a "one per line" box into its lines (the domain drops empty ones).
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// The page for adding a new entry of their own.
#[component]
pub fn NewOwnEntryPage() -> impl IntoView {
    view! {
        <Page title="Add your own entry">
            <p class="lead">
                "Add a word or idea that matters to you. If you add “instead of” phrases, the "
                "checker will notice them in your writing too."
            </p>
            <OwnEntryForm editing=None draft=OwnEntryDraft::default()/>
        </Page>
    }
}

/// The page for editing one of their own entries.
#[component]
pub fn EditOwnEntryPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let glossary = use_glossary();
    move || {
        let id = id.get();
        let found = glossary.with_untracked(|g| {
            let draft = g.draft_of(&id)?;
            Some((g.entry(&id)?.term.clone(), draft))
        });
        match found {
            Some((term, draft)) => view! {
                <Page title=format!("Edit “{term}”")>
                    <OwnEntryForm editing=Some(id.clone()) draft=draft/>
                </Page>
            }
            .into_any(),
            None => view! {
                <MissingPage
                    title="This entry can't be edited"
                    explanation="Only your own entries can be edited. The built-in ones stay as \
                                 they are, but you can add your own version alongside."
                    ways_on=&[
                        ("/glossary/new", "Add your own entry"),
                        ("/glossary", "Back to the glossary"),
                    ]
                />
            }
            .into_any(),
        }
    }
}

/// One box on the form for the trainee's own words.
struct WordsBox {
    /// The textarea's id.
    id: &'static str,
    /// Its label.
    label: &'static str,
    /// How many lines tall it is.
    rows: u32,
    /// A hint under the label, if any.
    hint: Option<&'static str>,
    /// Which part of the entry it holds (its problems show beside it).
    field: OwnEntryField,
}

/// The boxes after the word and its category, in order.
const WORDS_BOXES: [WordsBox; 5] = [
    WordsBox {
        id: "own-explanation",
        label: "What it means to you",
        rows: 4,
        hint: None,
        field: OwnEntryField::Explanation,
    },
    WordsBox {
        id: "own-example",
        label: "An example sentence (optional)",
        rows: 2,
        hint: None,
        field: OwnEntryField::Example,
    },
    WordsBox {
        id: "own-instead-of",
        label: "“Instead of” phrases (optional)",
        rows: 3,
        hint: Some("Phrases you'd like the checker to notice in your writing, one per line."),
        field: OwnEntryField::InsteadOf,
    },
    WordsBox {
        id: "own-suggestions",
        label: "What to try instead (optional)",
        rows: 3,
        hint: Some("Words the checker can offer in their place, one per line."),
        field: OwnEntryField::Suggestions,
    },
    WordsBox {
        id: "own-why",
        label: "Why it matters (optional)",
        rows: 2,
        hint: None,
        field: OwnEntryField::Why,
    },
];

/// The add/edit form.
#[component]
fn OwnEntryForm(
    /// The id of the entry being edited, or `None` to add a new one.
    editing: Option<String>,
    /// What the fields start with.
    draft: OwnEntryDraft,
) -> impl IntoView {
    let glossary = use_glossary();
    let navigate = use_navigate();
    let editing = StoredValue::new(editing);
    let is_editing = editing.read_value().is_some();

    let categories = {
        let mut list = glossary.with_untracked(TraineeGlossary::categories);
        if !list.iter().any(|c| c == OWN_CATEGORY) {
            list.push(OWN_CATEGORY.to_string());
        }
        list
    };
    let start_category = match draft.category.trim() {
        "" => OWN_CATEGORY.to_string(),
        c => c.to_string(),
    };
    // The typed words are kept as they are typed (one form per entry being edited), so leaving
    // the page never drops them; saving or "Cancel" lets them go.
    let unsent = UnsentForm::new(&match editing.read_value().as_deref() {
        Some(id) => format!("own-entry-edit-{id}"),
        None => "own-entry-new".to_string(),
    });
    let term = unsent.field("term", draft.term);
    let category = unsent.field("category", start_category);
    let new_category = unsent.field("new-category", String::new());
    let explanation = unsent.field("explanation", draft.explanation);
    let example = unsent.field("example", draft.example);
    let instead_of = unsent.field("instead-of", draft.instead_of.join("\n"));
    let suggestions = unsent.field("suggestions", draft.suggestions.join("\n"));
    let why = unsent.field("why", draft.why);
    let error = RwSignal::new(None::<OwnEntryError>);

    // Each field shows the problem only when it is about that field.
    let error_at = move |field: OwnEntryField| {
        error_of(error, move |e| e.as_ref().filter(|e| e.field() == field))
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = category.get_untracked();
        let draft = OwnEntryDraft {
            term: term.get_untracked(),
            category: if chosen == NEW_CATEGORY {
                new_category.get_untracked()
            } else {
                chosen
            },
            explanation: explanation.get_untracked(),
            example: example.get_untracked(),
            instead_of: lines(&instead_of.read_untracked()),
            suggestions: lines(&suggestions.read_untracked()),
            why: why.get_untracked(),
        };
        let result = glossary
            .try_update(|g| {
                let saved = match editing.read_value().as_deref() {
                    Some(id) => g.update_own(id, &draft),
                    None => g.add_own(&draft),
                };
                saved.map(|entry| entry.id.clone())
            })
            .expect("the glossary record lives as long as the app");
        match result {
            Ok(id) => {
                error.set(None);
                unsent.clear();
                navigate(&format!("/glossary/{id}"), NavigateOptions::default());
            }
            Err(e) => {
                let whole = e.field() == OwnEntryField::Whole;
                error.set(Some(e));
                if whole {
                    focus_id("own-form-problem");
                } else {
                    focus_first_problem("own-entry-form");
                }
            }
        }
    };

    let category_options: Vec<(String, String)> = categories
        .into_iter()
        .map(|name| (name.clone(), name))
        .chain(std::iter::once((
            NEW_CATEGORY.to_string(),
            "A new category…".to_string(),
        )))
        .collect();
    let cancel_href = match editing.read_value().as_deref() {
        Some(id) => format!("/glossary/{id}"),
        None => "/glossary".to_string(),
    };

    view! {
        <form id="own-entry-form" class="own-entry-form" novalidate on:submit=save>
            <p id="own-form-problem" class="field-error" tabindex="-1">
                {move || {
                    error.with(|e| {
                        e.as_ref()
                            .filter(|e| e.field() == OwnEntryField::Whole)
                            .map(ToString::to_string)
                    })
                }}
            </p>
            <Field
                id="own-term"
                label="Word or phrase"
                value=term
                autocomplete="off"
                error=error_at(OwnEntryField::Term)
            />
            <Field
                id="own-category"
                label="Category"
                value=category
                control=Control::Select(Signal::stored(category_options))
            />
            {move || {
                (*category.read() == NEW_CATEGORY)
                    .then(|| {
                        view! {
                            // Only a new category's name can be wrong: the others already exist.
                            <Field
                                id="own-new-category"
                                label="Name of the new category"
                                value=new_category
                                hint="Left empty, the entry goes in “My own words”."
                                error=error_at(OwnEntryField::Category)
                            />
                        }
                    })
            }}
            {WORDS_BOXES
                .iter()
                .zip([explanation, example, instead_of, suggestions, why])
                .map(|(words, value)| {
                    view! {
                        <Field
                            id=words.id
                            label=words.label
                            value
                            control=Control::TextArea(words.rows)
                            hint=words.hint
                            error=error_at(words.field)
                        />
                    }
                })
                .collect_view()}
            <div class="actions">
                <button type="submit" class="button primary">
                    {if is_editing { "Save changes" } else { "Save entry" }}
                </button>
                <a href=cancel_href on:click=move |_| unsent.clear()>"Cancel"</a>
            </div>
        </form>
    }
}
