//! One glossary entry's page (`/glossary/:id`): what it means, an example, what to try instead and
//! why, where it comes from; a favourite toggle; and for the trainee's own entries, edit and
//! delete (with undo).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::search::InsteadOfTry;
use super::undo_notice::UndoNotice;
use super::use_glossary;
use crate::app::form::focus_node;
use crate::app::page::{MissingPage, Page};
use crate::domain::glossary::GlossaryEntry;

/// The entry page for the id in the address.
#[component]
pub fn GlossaryEntryPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let glossary = use_glossary();
    // Only a change of address rebuilds the page; a favourite or an edit updates it in place, so
    // focus stays where the trainee left it.
    move || {
        let id = id.get();
        match glossary.with_untracked(|g| g.entry(&id).cloned()) {
            Some(entry) => view! { <EntryView entry=entry/> }.into_any(),
            None => view! { <EntryNotFound/> }.into_any(),
        }
    }
}

/// Shown for an id the glossary doesn't have (an old link to a deleted entry, say).
#[component]
fn EntryNotFound() -> impl IntoView {
    view! {
        <MissingPage
            title="Entry not found"
            explanation="We couldn't find that glossary entry. If it was one of your own, it may \
                         have been deleted."
            ways_on=&[("/glossary", "Back to the glossary")]
        />
    }
}

/// A labelled part of an entry, shown only when it has something to say.
#[component]
fn EntrySection(
    /// The section's heading.
    heading: &'static str,
    /// Its text (a text node, never HTML).
    text: String,
) -> impl IntoView {
    (!text.trim().is_empty()).then(|| {
        view! {
            <section class="entry-section">
                <h2>{heading}</h2>
                <p>{text}</p>
            </section>
        }
    })
}

/// The page of one entry that exists.
#[component]
fn EntryView(
    /// The entry as it was when the page opened.
    entry: GlossaryEntry,
) -> impl IntoView {
    let glossary = use_glossary();
    let id = StoredValue::new(entry.id.clone());
    let is_favourite = move || glossary.with(|g| g.is_favourite(&id.read_value()));
    // The entry as deleted, kept until the trainee leaves, so Undo can put it back.
    let deleted = RwSignal::new(None::<GlossaryEntry>);
    let problem = RwSignal::new(None::<String>);
    let undo_button = NodeRef::<leptos::html::Button>::new();
    let delete_button = NodeRef::<leptos::html::Button>::new();

    let delete = move |_| {
        let result = glossary
            .try_update(|g| g.delete_own(&id.read_value()))
            .expect("the glossary record lives as long as the app");
        match result {
            Ok(removed) => {
                problem.set(None);
                deleted.set(Some(removed));
                focus_node(undo_button);
            }
            Err(error) => problem.set(Some(error.to_string())),
        }
    };
    let undo = Callback::new(move |()| {
        if let Some(entry) = deleted.get_untracked() {
            glossary.update(|g| g.restore_own(entry));
            deleted.set(None);
            focus_node(delete_button);
        }
    });

    let phrases = entry.instead_of_phrases();
    let pair = (!phrases.is_empty()).then(|| {
        view! {
            <section class="entry-section">
                <h2>"What to try"</h2>
                <InsteadOfTry phrases=phrases suggestions=entry.suggestions.clone()/>
            </section>
        }
    });
    // A concept can still list suggestions without "instead of" phrases.
    let suggestions_only =
        (entry.instead_of.is_empty() && !entry.suggestions.is_empty()).then(|| {
            view! {
                <section class="entry-section">
                    <h2>"Words to try"</h2>
                    <ul>
                        {entry
                            .suggestions
                            .iter()
                            .map(|s| view! { <li>{s.clone()}</li> })
                            .collect_view()}
                    </ul>
                </section>
            }
        });
    let source = if entry.is_own() {
        "Your own entry.".to_string()
    } else {
        entry.source.clone()
    };
    let own_actions = entry.is_own().then(|| {
        let edit_href = format!("/glossary/{}/edit", entry.id);
        view! {
            <div class="entry-actions" prop:hidden=move || deleted.read().is_some()>
                <a href=edit_href class="button">"Edit this entry"</a>
                <button type="button" class="button" node_ref=delete_button on:click=delete>
                    "Delete this entry"
                </button>
            </div>
        }
    });

    view! {
        <Page title=entry.term.clone()>
            <p class="entry-category">
                <span class="visually-hidden">"Category: "</span>
                {entry.category.clone()}
            </p>
            <div class="entry-toolbar" prop:hidden=move || deleted.read().is_some()>
                <button
                    type="button"
                    class="button favourite"
                    aria-pressed=move || if is_favourite() { "true" } else { "false" }
                    on:click=move |_| {
                        glossary.update(|g| {
                            g.toggle_favourite(&id.read_value());
                        });
                    }
                >
                    <span class="star" aria-hidden="true">
                        {move || if is_favourite() { "★" } else { "☆" }}
                    </span>
                    "Favourite"
                </button>
            </div>
            <div role="status" class="entry-status">
                {move || {
                    deleted
                        .get()
                        .map(|entry| {
                            let text = format!("“{}” has been deleted. ", entry.term);
                            view! {
                                <UndoNotice text undo_button on_undo=undo>
                                    " "
                                    <a href="/glossary">"Back to the glossary"</a>
                                </UndoNotice>
                            }
                        })
                }}
                {move || problem.get().map(|text| view! { <p class="gl-notice">{text}</p> })}
            </div>
            <EntrySection heading="What it means" text=entry.explanation.clone()/>
            <EntrySection heading="Example" text=entry.example.clone()/>
            {pair}
            {suggestions_only}
            <EntrySection heading="Why it matters" text=entry.why.clone()/>
            <EntrySection heading="Source" text=source/>
            {own_actions}
            <p><a href="/glossary">"Back to the glossary"</a></p>
        </Page>
    }
}
