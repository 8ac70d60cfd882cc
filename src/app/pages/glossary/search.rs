//! Searching and browsing the glossary: the search box, the category and favourites filters, the
//! live count of results, and the list of entries each linking to its page.
//!
//! The search itself (typo tolerance, finding an entry from its "instead of" phrases) is the
//! domain's [`TraineeGlossary::search`]; this file only filters and shows its hits. What was
//! typed is kept in the address (`?q=...&category=...`) so the Back button returns to the same
//! results after opening an entry. While typing, the first result is kept in sight (a phone's
//! keyboard leaves about half the screen): the hint steps aside and, if need be, the field moves
//! to the top of the screen.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use super::use_glossary;
use crate::domain::glossary::{GlossaryEntry, TraineeGlossary};

/// How many "instead of" forms a list row shows before "and more".
const PHRASES_IN_A_ROW: usize = 3;

/// One row of the results: an entry, and the "instead of" phrase it was found through, if any.
#[derive(Debug, Clone, PartialEq)]
struct ResultRow {
    entry: GlossaryEntry,
    via_phrase: Option<String>,
    /// What the trainee typed, trimmed, to show beside the phrase it matched.
    typed: String,
    favourite: bool,
}

/// What the list shows, worked out from the query, the filters and the glossary.
#[derive(Debug, Clone, PartialEq)]
struct Results {
    rows: Vec<ResultRow>,
    /// Whether rows are search hits (best first) rather than the glossary in order.
    searching: bool,
}

fn results(
    glossary: &TraineeGlossary,
    query: &str,
    category: &str,
    only_favourites: bool,
) -> Results {
    let keep = |entry: &GlossaryEntry| {
        (category.is_empty() || entry.category == category)
            && (!only_favourites || glossary.is_favourite(&entry.id))
    };
    let row = |entry: &GlossaryEntry, via_phrase: Option<String>| ResultRow {
        entry: entry.clone(),
        via_phrase,
        typed: query.trim().to_string(),
        favourite: glossary.is_favourite(&entry.id),
    };
    if query.trim().is_empty() {
        let rows = glossary
            .all_entries()
            .filter(|e| keep(e))
            .map(|e| row(e, None))
            .collect();
        return Results {
            rows,
            searching: false,
        };
    }
    // Ask for every hit, then filter, so a category filter never hides a match the limit cut.
    let limit = glossary.all_entries().count();
    let rows = glossary
        .search(query, limit)
        .into_iter()
        .filter(|hit| keep(hit.entry))
        .map(|hit| row(hit.entry, hit.via_phrase))
        .collect();
    Results {
        rows,
        searching: true,
    }
}

/// The sentence the live region reads out after each change.
fn count_message(
    count: usize,
    query: &str,
    category: &str,
    only_favourites: bool,
    any_favourites: bool,
) -> String {
    let query = query.trim();
    if only_favourites && !any_favourites {
        return "You haven't chosen any favourites yet. Open an entry and press its Favourite \
                button to keep it here."
            .to_string();
    }
    let entries = if count == 1 { "entry" } else { "entries" };
    let mut message = if query.is_empty() {
        format!("Showing {count} {entries}")
    } else if count == 0 {
        format!("No entries found for “{query}”")
    } else {
        format!("{count} {entries} found for “{query}”")
    };
    if !category.is_empty() {
        message.push_str(&format!(" in {category}"));
    }
    if only_favourites {
        message.push_str(" among your favourites");
    }
    message.push('.');
    if count == 0 && !query.is_empty() {
        message.push_str(" You could try fewer letters, another word, or all categories.");
    }
    message
}

/// A number from a browser object by name (`Reflect`): for the few geometry values read here,
/// which would otherwise each need a web-sys feature (and a rebuild of everything using it).
fn js_number(object: &wasm_bindgen::JsValue, name: &str) -> Option<f64> {
    js_sys::Reflect::get(object, &name.into())
        .ok()
        .and_then(|v| v.as_f64())
}

/// The element's bounding box as seen now: (top, bottom) in viewport pixels.
fn top_and_bottom(element: &web_sys::Element) -> Option<(f64, f64)> {
    let method = js_sys::Reflect::get(element, &"getBoundingClientRect".into()).ok()?;
    let rect = method.dyn_ref::<js_sys::Function>()?.call0(element).ok()?;
    Some((js_number(&rect, "top")?, js_number(&rect, "bottom")?))
}

/// The bottom of what the trainee can see, in viewport pixels: the visual viewport (which a
/// phone's on-screen keyboard shortens) and, on a phone, the top of the bottom navigation bar.
fn visible_bottom() -> f64 {
    let window = window();
    let layout_height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    // Not every browser has a visualViewport.
    let visual_height = js_sys::Reflect::get(&window, &"visualViewport".into())
        .ok()
        .filter(|v| v.is_object())
        .and_then(|v| js_number(&v, "height"))
        .unwrap_or(layout_height);
    let nav_top = document()
        .query_selector(".main-nav")
        .ok()
        .flatten()
        .and_then(|nav| top_and_bottom(&nav))
        .map(|(top, _)| top)
        // On a wide screen the navigation is at the top, not in the way.
        .filter(|top| *top > visual_height / 2.0);
    nav_top.map_or(visual_height, |top| top.min(visual_height))
}

/// While typing, keep the first result in sight: if it is below what the trainee can see (a
/// phone's keyboard takes half the screen), bring the search field to the top of the screen,
/// with the count and the first results under it.
fn keep_first_result_in_view() {
    let doc = document();
    let first = doc
        .query_selector(".glossary-search .entry-row")
        .ok()
        .flatten()
        .or_else(|| {
            doc.query_selector(".glossary-search .result-count")
                .ok()
                .flatten()
        });
    let Some(first) = first else { return };
    match top_and_bottom(&first) {
        Some((_, bottom)) if bottom > visible_bottom() => {}
        _ => return,
    }
    if let Some(field) = doc.get_element_by_id(SEARCH_FIELD_ID) {
        field.scroll_into_view();
    }
}

/// The id of the search box with its label, the part brought to the top while typing.
const SEARCH_FIELD_ID: &str = "glossary-search-field";

/// Keeps the search in the address without a navigation, so Back returns to these results.
fn remember_in_address(query: &str, category: &str) {
    let mut search = Vec::new();
    for (key, value) in [("q", query), ("category", category)] {
        if !value.is_empty() {
            search.push(format!(
                "{key}={}",
                String::from(js_sys::encode_uri_component(value))
            ));
        }
    }
    let url = if search.is_empty() {
        "/glossary".to_string()
    } else {
        format!("/glossary?{}", search.join("&"))
    };
    if let Ok(history) = window().history() {
        // The router keeps its own state in history entries; keep it, change only the address.
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// The "instead of" phrases to show in a list row, and how many more there are.
fn phrases_for_row(entry: &GlossaryEntry) -> (Vec<String>, usize) {
    let mut phrases = entry.instead_of_phrases();
    let more = phrases.len().saturating_sub(PHRASES_IN_A_ROW);
    phrases.truncate(PHRASES_IN_A_ROW);
    (phrases, more)
}

/// Quotes a list of phrases for reading: “a”, “b” or “c”.
pub(super) fn quoted_list(items: &[String], last_joiner: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("“{item}”")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {last_joiner} {last}", rest.join(", ")),
    }
}

/// "Instead of … / Try …", with text labels so the pairing never depends on colour.
#[component]
pub(super) fn InsteadOfTry(
    /// The phrases to avoid, as shown.
    phrases: Vec<String>,
    /// How many more forms there are beyond those shown (0 shows them all).
    #[prop(optional)]
    more: usize,
    /// What to try instead.
    suggestions: Vec<String>,
) -> impl IntoView {
    let mut instead = quoted_list(&phrases, "or");
    if more > 0 {
        instead.push_str(&format!(" and {more} more"));
    }
    let try_text = quoted_list(&suggestions, "or");
    view! {
        <dl class="gl-pair">
            <div class="gl-pair-row">
                <dt>"Instead of"</dt>
                <dd>{instead}</dd>
            </div>
            {(!try_text.is_empty())
                .then(|| {
                    view! {
                        <div class="gl-pair-row">
                            <dt>"Try"</dt>
                            <dd>{try_text}</dd>
                        </div>
                    }
                })}
        </dl>
    }
}

/// One entry in the list: its term (a link to its page), category, and for an "instead of" entry
/// what to try; when found through a phrase, says so.
#[component]
fn EntryRow(
    /// The row to show.
    row: ResultRow,
) -> impl IntoView {
    let ResultRow {
        entry,
        via_phrase,
        typed,
        favourite,
    } = row;
    let href = format!("/glossary/{}", entry.id);
    let mut meta = vec![entry.category.clone()];
    if entry.is_own() {
        meta.push("Your entry".to_string());
    }
    if favourite {
        meta.push("Favourite".to_string());
    }
    // Say what the trainee typed, and which phrase it matched when that differs ("schizo"
    // matching "schizophrenics"), so the row never claims they typed something they didn't.
    let via = via_phrase.map(|phrase| {
        let searched = if phrase.eq_ignore_ascii_case(&typed) {
            format!("You searched for “{typed}”")
        } else {
            format!("You searched for “{typed}”, which matches “{phrase}”")
        };
        match entry.suggestions_for_phrase(&phrase).first() {
            Some(first) => format!("{searched}: try “{first}”"),
            None => searched,
        }
    });
    let (phrases, more) = phrases_for_row(&entry);
    let pair = (!phrases.is_empty()).then(|| {
        view! { <InsteadOfTry phrases=phrases more=more suggestions=entry.suggestions.clone()/> }
    });
    view! {
        <li class="entry-row">
            <a href=href class="entry-link">{entry.term.clone()}</a>
            <span class="entry-meta">{meta.join(" · ")}</span>
            {via.map(|text| view! { <p class="entry-via">{text}</p> })}
            {pair}
        </li>
    }
}

/// A list of rows, keyed so unchanged rows stay put while typing.
#[component]
fn EntryRows(
    /// The rows, in order.
    rows: Vec<ResultRow>,
) -> impl IntoView {
    view! {
        <ul class="entry-list">
            {rows.into_iter().map(|row| view! { <EntryRow row=row/> }).collect_view()}
        </ul>
    }
}

/// The search box, the filters, the live result count and the results.
#[component]
pub(super) fn SearchAndBrowse() -> impl IntoView {
    let glossary = use_glossary();
    let address = use_query_map().get_untracked();
    let query = RwSignal::new(address.get("q").unwrap_or_default());
    let category = RwSignal::new(address.get("category").unwrap_or_default());
    let only_favourites = RwSignal::new(false);

    let results = Memo::new(move |_| {
        glossary.with(|g| results(g, &query.read(), &category.read(), only_favourites.get()))
    });
    let categories = Memo::new(move |_| glossary.with(TraineeGlossary::categories));
    let message = move || {
        count_message(
            results.with(|r| r.rows.len()),
            &query.read(),
            &category.read(),
            only_favourites.get(),
            glossary.with(|g| !g.favourites.is_empty()),
        )
    };

    let list = move || {
        let Results { rows, searching } = results.get();
        if searching || !category.read().is_empty() {
            return view! { <EntryRows rows=rows/> }.into_any();
        }
        // Browsing everything: one group per category, under its own heading.
        let mut groups: Vec<(String, Vec<ResultRow>)> = Vec::new();
        for row in rows {
            match groups
                .iter_mut()
                .find(|(name, _)| *name == row.entry.category)
            {
                Some((_, group)) => group.push(row),
                None => groups.push((row.entry.category.clone(), vec![row])),
            }
        }
        groups
            .into_iter()
            .map(|(name, rows)| {
                view! {
                    <section class="entry-group">
                        <h3>{name}</h3>
                        <EntryRows rows=rows/>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };

    view! {
        <section
            class="glossary-search"
            class:searching=move || !query.read().trim().is_empty()
            aria-labelledby="glossary-search-heading"
        >
            <h2 id="glossary-search-heading">"Search and browse"</h2>
            <form role="search" on:submit=|ev| ev.prevent_default()>
                <div class="field" id=SEARCH_FIELD_ID>
                    <label for="glossary-search">"Search the glossary"</label>
                    <p class="field-hint" id="glossary-search-hint">
                        "A word, or a phrase you'd like to say differently, such as “suffering from”. "
                        "Small typos are fine."
                    </p>
                    <input
                        type="search"
                        id="glossary-search"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="glossary-search-hint"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            remember_in_address(&query.read_untracked(), &category.read_untracked());
                            // After the list has caught up with the new words.
                            request_animation_frame(keep_first_result_in_view);
                        }
                    />
                </div>
                <div class="glossary-filters">
                    <div class="field">
                        <label for="glossary-category">"Category"</label>
                        <select
                            id="glossary-category"
                            prop:value=move || category.get()
                            on:change=move |ev| {
                                category.set(event_target_value(&ev));
                                remember_in_address(
                                    &query.read_untracked(),
                                    &category.read_untracked(),
                                );
                            }
                        >
                            <option value="">"All categories"</option>
                            {move || {
                                categories
                                    .get()
                                    .into_iter()
                                    .map(|name| {
                                        let selected = category.read_untracked() == name;
                                        view! {
                                            <option value=name.clone() selected=selected>
                                                {name.clone()}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <div class="choice">
                        <input
                            type="checkbox"
                            id="glossary-favourites-only"
                            prop:checked=move || only_favourites.get()
                            on:change=move |ev| only_favourites.set(event_target_checked(&ev))
                        />
                        <label for="glossary-favourites-only">"Only my favourites"</label>
                    </div>
                </div>
            </form>
            <p class="status result-count" role="status" aria-live="polite">{message}</p>
            {list}
        </section>
    }
}
