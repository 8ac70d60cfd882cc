//! Journal entries as a list (on the journal page and on a module's page) and the form to write or
//! edit one. A reflection is shown as plain text, line breaks kept, never as HTML.

use leptos::prelude::*;

use super::checklist::module_anywhere;
use super::{edit_record, module_href};
use crate::app::clock::{now_ms, today};
use crate::app::form::{error_of, save_saying, Control, EditInPlace, EntryForm, Field};
use crate::app::records::{use_record, Records};
use crate::domain::course::CourseState;
use crate::domain::journal::{JournalDraft, JournalEntry, JournalError, JournalErrors};
use crate::storage::record_names::{COURSE, JOURNAL};

/// The choices for "Which module is it about?": none, then the modules in order, the placement,
/// and any set-aside module (so an older entry about one stays editable).
fn module_options(course: &CourseState) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "Not about one module".to_string())];
    options.extend(
        course
            .modules
            .iter()
            .chain(std::iter::once(&course.placement))
            .map(|m| (m.id.clone(), m.title.clone())),
    );
    options.extend(
        course
            .set_aside
            .iter()
            .map(|m| (m.id.clone(), format!("{} (set aside)", m.title))),
    );
    options
}

/// Write or edit a journal entry. A refused save keeps everything typed.
#[component]
pub fn JournalForm(
    /// Its ids, what the fields start with, and what saving does.
    form: EntryForm<JournalDraft, JournalErrors>,
) -> impl IntoView {
    let course = use_record(COURSE);
    let initial = &form.initial;
    let date = RwSignal::new(initial.date.clone());
    let module = RwSignal::new(initial.module_id.clone().unwrap_or_default());
    // Typed words are kept as they are typed, so leaving the page never drops them.
    let unsent = form.unsent();
    let title = unsent.field("title", initial.title.clone());
    let body = unsent.field("body", initial.body.clone());
    let errors = RwSignal::new(JournalErrors::default());
    let options = Signal::derive(move || course.with(module_options));

    let read = move || {
        let chosen = module.get_untracked();
        JournalDraft {
            date: date.get_untracked(),
            module_id: (!chosen.is_empty()).then_some(chosen),
            title: title.get_untracked(),
            body: body.get_untracked(),
        }
    };
    // A fresh entry for today once one is written.
    let clear = move || {
        date.set(today().to_string());
        title.set(String::new());
        body.set(String::new());
    };
    let submit = form.submit(unsent, errors, read, clear);

    view! {
        <form id=form.form_id() class="journal-form" on:submit=submit novalidate>
            <div class="field-row">
                <Field
                    id=form.field_id("date")
                    label="Date"
                    value=date
                    control=Control::Date
                    error=error_of(errors, |e| e.date.as_ref())
                />
                <Field
                    id=form.field_id("module")
                    label="Which module is it about?"
                    value=module
                    control=Control::Select(options)
                    error=error_of(errors, |e| e.module.as_ref())
                />
            </div>
            <Field
                id=form.field_id("title")
                label="Title (optional)"
                value=title
                error=error_of(errors, |e| e.title.as_ref())
            />
            <Field
                id=form.field_id("body")
                label="Your reflection"
                value=body
                control=Control::TextArea(6)
                error=error_of(errors, |e| e.body.as_ref())
            />
            {form.buttons(unsent)}
        </form>
    }
}

/// A list of journal entries, newest first as given.
#[component]
pub fn JournalEntries(
    /// The ids of the entries to show, in order.
    #[prop(into)]
    ids: Signal<Vec<String>>,
    /// Offer editing and deleting (the journal page).
    editable: bool,
    /// Where to say what happened, and where focus goes after a delete.
    #[prop(optional)]
    after_delete_focus: Option<&'static str>,
    /// The status line for edits and deletes.
    #[prop(optional)]
    status: Option<RwSignal<String>>,
) -> impl IntoView {
    let in_place = EditInPlace::new(status.unwrap_or_else(|| RwSignal::new(String::new())));
    view! {
        <ul class="journal-list">
            <For
                each=move || ids.get()
                key=|id| id.clone()
                children=move |id| {
                    view! {
                        <JournalItem
                            id
                            editable
                            in_place
                            after_delete_focus=after_delete_focus.unwrap_or("main")
                        />
                    }
                }
            />
        </ul>
    }
}

/// One entry: read, edit in place, or delete after a second press.
#[component]
fn JournalItem(
    /// The entry's id.
    id: String,
    /// Whether it can be edited here.
    editable: bool,
    /// Which entry is being edited or asking "delete for good?", and the status line.
    in_place: EditInPlace,
    /// The element id that takes focus once this entry is deleted.
    after_delete_focus: &'static str,
) -> impl IntoView {
    let journal = use_record(JOURNAL);
    let course = use_record(COURSE);
    let records = expect_context::<Records>();
    let id = StoredValue::new(id);
    let entry: Memo<Option<JournalEntry>> =
        Memo::new(move |_| journal.with(|j| j.entry(&id.read_value()).cloned()));

    let read_view = move || {
        let heading_id = format!("{}-title", id.read_value());
        let labelled_by = heading_id.clone();
        let module_link = move || {
            entry.with(|e| {
                let module_id = e.as_ref()?.module_id.clone()?;
                let title =
                    course.with(|c| module_anywhere(c, &module_id).map(|m| m.title.clone()))?;
                Some(view! {
                    " · "
                    <a href=module_href(&module_id)>{title}</a>
                })
            })
        };
        view! {
            <article class="journal-entry" aria-labelledby=labelled_by>
                <h3 id=heading_id>{move || entry.with(|e| e.as_ref().map(JournalEntry::display_title))}</h3>
                <p class="journal-meta">
                    {move || entry.with(|e| e.as_ref().map(|e| e.date.display_short()))}
                    {module_link}
                    <Show when=move || entry.with(|e| e.as_ref().is_some_and(|e| e.used_in_essay))>
                        <span class="badge">"used in your essay"</span>
                    </Show>
                </p>
                <p class="journal-body">{move || entry.with(|e| e.as_ref().map(|e| e.body.clone()))}</p>
                {editable
                    .then(|| {
                        in_place
                            .entry_actions(
                                id,
                                "body",
                                move |id| journal.update(|j| {
                                    j.remove(id);
                                }),
                                after_delete_focus,
                            )
                    })}
            </article>
        }
    };

    let edit_view = move || {
        let initial = entry
            .with_untracked(|e| e.as_ref().map(JournalDraft::from_entry))
            .unwrap_or_default();
        let on_save = save_saying(
            in_place.status,
            move |draft: JournalDraft| {
                let course_now = course.get_untracked();
                edit_record(journal, |j| {
                    j.update(&id.read_value(), &draft, &course_now, now_ms())
                })
            },
            |e| match e {
                JournalError::Invalid(problems) => Ok(problems),
                other => Err(other),
            },
            move || records.saved_words(JOURNAL, "Changes saved."),
        );
        let form = in_place.edit_form(id, initial, on_save);
        view! { <JournalForm form/> }
    };

    in_place.entry(id, read_view, edit_view)
}
