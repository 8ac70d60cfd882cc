//! Adding and editing the trainee's own glossary entries (`/glossary/new`, `/glossary/:id/edit`).
//!
//! The form keeps exactly what was typed. Saving goes through the domain's
//! [`TraineeGlossary::add_own`] / [`TraineeGlossary::update_own`], which change nothing on an
//! error; the message is shown beside the field it is about and focus moves there.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::use_glossary;
use crate::app::page::Page;
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
                <Page title="This entry can't be edited">
                    <p>
                        "Only your own entries can be edited. The built-in ones stay as they "
                        "are, but you can add your own version alongside."
                    </p>
                    <p><A href="/glossary/new">"Add your own entry"</A></p>
                    <p><A href="/glossary">"Back to the glossary"</A></p>
                </Page>
            }
            .into_any(),
        }
    }
}

/// What one text field of the form needs: its id, the error it shows, and its hint's id (if any).
#[derive(Clone, Copy)]
struct FieldIds {
    id: &'static str,
    field: OwnEntryField,
    hint: Option<&'static str>,
}

impl FieldIds {
    fn error_id(self) -> String {
        format!("{}-error", self.id)
    }
}

const TERM: FieldIds = FieldIds {
    id: "own-term",
    field: OwnEntryField::Term,
    hint: None,
};
const NEW_CATEGORY_NAME: FieldIds = FieldIds {
    id: "own-new-category",
    field: OwnEntryField::Category,
    hint: Some("own-new-category-hint"),
};
const EXPLANATION: FieldIds = FieldIds {
    id: "own-explanation",
    field: OwnEntryField::Explanation,
    hint: None,
};
const EXAMPLE: FieldIds = FieldIds {
    id: "own-example",
    field: OwnEntryField::Example,
    hint: None,
};
const INSTEAD_OF: FieldIds = FieldIds {
    id: "own-instead-of",
    field: OwnEntryField::InsteadOf,
    hint: Some("own-instead-of-hint"),
};
const SUGGESTIONS: FieldIds = FieldIds {
    id: "own-suggestions",
    field: OwnEntryField::Suggestions,
    hint: Some("own-suggestions-hint"),
};
const WHY: FieldIds = FieldIds {
    id: "own-why",
    field: OwnEntryField::Why,
    hint: None,
};

/// Moves focus to the element with this id once the page has updated.
fn focus_by_id(id: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

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
    let term = RwSignal::new(draft.term);
    let category = RwSignal::new(start_category);
    let new_category = RwSignal::new(String::new());
    let explanation = RwSignal::new(draft.explanation);
    let example = RwSignal::new(draft.example);
    let instead_of = RwSignal::new(draft.instead_of.join("\n"));
    let suggestions = RwSignal::new(draft.suggestions.join("\n"));
    let why = RwSignal::new(draft.why);
    let error = RwSignal::new(None::<OwnEntryError>);

    let error_for = move |ids: FieldIds| {
        error.with(|e| {
            e.as_ref()
                .filter(|e| e.field() == ids.field)
                .map(ToString::to_string)
        })
    };
    let invalid = move |ids: FieldIds| {
        move || {
            if error_for(ids).is_some() {
                Some("true")
            } else {
                None
            }
        }
    };
    let described_by = move |ids: FieldIds| {
        move || {
            let mut parts: Vec<String> = ids.hint.map(str::to_string).into_iter().collect();
            if error_for(ids).is_some() {
                parts.push(ids.error_id());
            }
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    };
    let message = move |ids: FieldIds| {
        move || {
            error_for(ids).map(|text| {
                view! {
                    <p class="gl-field-error" id=ids.error_id()>
                        {text}
                    </p>
                }
            })
        }
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
                navigate(&format!("/glossary/{id}"), NavigateOptions::default());
            }
            Err(e) => {
                let target = match e.field() {
                    OwnEntryField::Term => TERM.id,
                    // Only a new category's name can be wrong: the others already exist.
                    OwnEntryField::Category => NEW_CATEGORY_NAME.id,
                    OwnEntryField::Explanation => EXPLANATION.id,
                    OwnEntryField::Example => EXAMPLE.id,
                    OwnEntryField::InsteadOf => INSTEAD_OF.id,
                    OwnEntryField::Suggestions => SUGGESTIONS.id,
                    OwnEntryField::Why => WHY.id,
                    OwnEntryField::Whole => "own-form-problem",
                };
                error.set(Some(e));
                focus_by_id(target);
            }
        }
    };

    let category_options = categories
        .into_iter()
        .map(|name| {
            let selected = category.get_untracked() == name;
            view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
        })
        .collect_view();
    let cancel_href = match editing.read_value().as_deref() {
        Some(id) => format!("/glossary/{id}"),
        None => "/glossary".to_string(),
    };

    view! {
        <form class="own-entry-form" novalidate on:submit=save>
            <p id="own-form-problem" class="gl-field-error" tabindex="-1">
                {move || {
                    error.with(|e| {
                        e.as_ref()
                            .filter(|e| e.field() == OwnEntryField::Whole)
                            .map(ToString::to_string)
                    })
                }}
            </p>
            <div class="gl-field">
                <label for=TERM.id>"Word or phrase"</label>
                {message(TERM)}
                <input
                    type="text"
                    id=TERM.id
                    class="gl-input"
                    autocomplete="off"
                    aria-invalid=invalid(TERM)
                    aria-describedby=described_by(TERM)
                    prop:value=move || term.get()
                    on:input=move |ev| term.set(event_target_value(&ev))
                />
            </div>
            <div class="gl-field">
                <label for="own-category">"Category"</label>
                <select
                    id="own-category"
                    class="gl-input"
                    on:change=move |ev| category.set(event_target_value(&ev))
                >
                    {category_options}
                    <option value=NEW_CATEGORY>"A new category…"</option>
                </select>
            </div>
            {move || {
                (*category.read() == NEW_CATEGORY)
                    .then(|| {
                        view! {
                            <div class="gl-field">
                                <label for=NEW_CATEGORY_NAME.id>"Name of the new category"</label>
                                <p class="gl-hint" id="own-new-category-hint">
                                    "Left empty, the entry goes in “My own words”."
                                </p>
                                {message(NEW_CATEGORY_NAME)}
                                <input
                                    type="text"
                                    id=NEW_CATEGORY_NAME.id
                                    class="gl-input"
                                    aria-invalid=invalid(NEW_CATEGORY_NAME)
                                    aria-describedby=described_by(NEW_CATEGORY_NAME)
                                    prop:value=move || new_category.get()
                                    on:input=move |ev| new_category.set(event_target_value(&ev))
                                />
                            </div>
                        }
                    })
            }}
            <div class="gl-field">
                <label for=EXPLANATION.id>"What it means to you"</label>
                {message(EXPLANATION)}
                <textarea
                    id=EXPLANATION.id
                    class="gl-input"
                    rows="4"
                    aria-invalid=invalid(EXPLANATION)
                    aria-describedby=described_by(EXPLANATION)
                    prop:value=move || explanation.get()
                    on:input=move |ev| explanation.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="gl-field">
                <label for=EXAMPLE.id>"An example sentence (optional)"</label>
                {message(EXAMPLE)}
                <textarea
                    id=EXAMPLE.id
                    class="gl-input"
                    rows="2"
                    aria-invalid=invalid(EXAMPLE)
                    aria-describedby=described_by(EXAMPLE)
                    prop:value=move || example.get()
                    on:input=move |ev| example.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="gl-field">
                <label for=INSTEAD_OF.id>"“Instead of” phrases (optional)"</label>
                <p class="gl-hint" id="own-instead-of-hint">
                    "Phrases you'd like the checker to notice in your writing, one per line."
                </p>
                {message(INSTEAD_OF)}
                <textarea
                    id=INSTEAD_OF.id
                    class="gl-input"
                    rows="3"
                    aria-invalid=invalid(INSTEAD_OF)
                    aria-describedby=described_by(INSTEAD_OF)
                    prop:value=move || instead_of.get()
                    on:input=move |ev| instead_of.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="gl-field">
                <label for=SUGGESTIONS.id>"What to try instead (optional)"</label>
                <p class="gl-hint" id="own-suggestions-hint">
                    "Words the checker can offer in their place, one per line."
                </p>
                {message(SUGGESTIONS)}
                <textarea
                    id=SUGGESTIONS.id
                    class="gl-input"
                    rows="3"
                    aria-invalid=invalid(SUGGESTIONS)
                    aria-describedby=described_by(SUGGESTIONS)
                    prop:value=move || suggestions.get()
                    on:input=move |ev| suggestions.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="gl-field">
                <label for=WHY.id>"Why it matters (optional)"</label>
                {message(WHY)}
                <textarea
                    id=WHY.id
                    class="gl-input"
                    rows="2"
                    aria-invalid=invalid(WHY)
                    aria-describedby=described_by(WHY)
                    prop:value=move || why.get()
                    on:input=move |ev| why.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="gl-actions">
                <button type="submit" class="gl-button">
                    {if is_editing { "Save changes" } else { "Save entry" }}
                </button>
                <A href=cancel_href>"Cancel"</A>
            </div>
        </form>
    }
}
