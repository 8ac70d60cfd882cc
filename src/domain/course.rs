//! The course: its modules, their prep checklists, and the trainee's own version of it.
//!
//! The built-in default course is data (`content/course.json`), parsed once. A trainee starts from a
//! copy of it ([`CourseState::from_builtin`]) and adapts it to their cohort: rename, reorder, add or
//! set aside modules, add their own checklist items, tick items and keep notes.
//!
//! Ticks and notes live *beside* the module list, keyed by stable string ids
//! ([`CourseState::ticked`], [`CourseState::notes`]), never by position. So reordering modules,
//! moving dates or setting a module aside never loses them: a module that is set aside keeps its
//! ticks and notes and gets them back when it is put back.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::duration::{parse_minutes, BareNumber};
use super::field_error::{join_messages, limited_text, required_text, FieldError};

/// A module's stable id, such as `"what-is-recovery"` or `"own-module-1"`.
pub type ModuleId = String;
/// A checklist item's stable id, such as `"what-is-recovery:chime"`; unique across the course.
pub type ItemId = String;

/// The id of the placement, which has a checklist and notes like a module but no classroom day.
pub const PLACEMENT_ID: &str = "placement";

/// The longest module title we keep, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// The longest module summary we keep, in characters.
pub const MAX_SUMMARY_CHARS: usize = 600;
/// The longest checklist item we keep, in characters.
pub const MAX_ITEM_CHARS: usize = 300;
/// The most minutes one checklist item may be estimated at.
pub const MAX_ITEM_MINUTES: u32 = 8 * 60;

/// What sort of preparation a checklist item asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    /// Something to read.
    Read,
    /// Something to watch or listen to.
    Watch,
    /// A question to think or write about.
    #[default]
    Reflect,
    /// Something to get ready to share with the group.
    PrepareToShare,
    /// A skill to try out.
    Practise,
}

impl TaskKind {
    /// Every kind, in the order a picker offers them.
    pub const ALL: [TaskKind; 5] = [
        TaskKind::Read,
        TaskKind::Watch,
        TaskKind::Reflect,
        TaskKind::PrepareToShare,
        TaskKind::Practise,
    ];

    /// The short label shown beside an item ("Read", "Prepare to share").
    pub fn label(self) -> &'static str {
        match self {
            TaskKind::Read => "Read",
            TaskKind::Watch => "Watch",
            TaskKind::Reflect => "Reflect",
            TaskKind::PrepareToShare => "Prepare to share",
            TaskKind::Practise => "Practise",
        }
    }
}

/// Which half of the course a built-in module comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoursePart {
    /// The first eight modules: core principles and skills.
    Core,
    /// The second eight: the practical side of peer work.
    Practice,
}

impl CoursePart {
    /// A heading for the course map.
    pub fn label(self) -> &'static str {
        match self {
            CoursePart::Core => "Core principles and skills",
            CoursePart::Practice => "Peer support in practice",
        }
    }
}

/// One task in a module's prep checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Stable id, unique across the course.
    pub id: ItemId,
    /// What to do, in a sentence.
    #[serde(default)]
    pub text: String,
    /// Rough time it takes.
    #[serde(default)]
    pub minutes: u32,
    /// Reading, watching, reflecting...
    #[serde(default)]
    pub kind: TaskKind,
    /// True for items the trainee added (only these can be edited or removed).
    #[serde(default)]
    pub own: bool,
}

/// A module (or the placement): what it covers and how to prepare for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    /// Stable id; never changes, even when the module is renamed or moved.
    pub id: ModuleId,
    /// The title shown on the course map.
    #[serde(default)]
    pub title: String,
    /// One or two sentences on what it covers.
    #[serde(default)]
    pub summary: String,
    /// Which half of the built-in course it belongs to; `None` for the trainee's own modules.
    #[serde(default)]
    pub part: Option<CoursePart>,
    /// The id of an assignment introduced in this module (`"recovery-story-essay"`,
    /// `"final-assignment"`), for linking to the assignments area.
    #[serde(default)]
    pub assignment: Option<String>,
    /// The prep checklist, built-in items first, then the trainee's own.
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    /// True for modules the trainee added.
    #[serde(default)]
    pub own: bool,
}

impl Module {
    /// The estimated prep time of the whole checklist, in minutes.
    pub fn total_minutes(&self) -> u32 {
        self.checklist.iter().map(|item| item.minutes).sum()
    }
}

/// The built-in default course, exactly as `content/course.json` describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseContent {
    /// The course's name.
    pub title: String,
    /// A sentence on its shape.
    pub summary: String,
    /// The sixteen modules, in teaching order.
    pub modules: Vec<Module>,
    /// The observational placement.
    pub placement: Module,
}

/// The built-in course, parsed from `content/course.json` the first time it is asked for.
///
/// # Panics
/// Only if the bundled JSON is malformed, which a unit test rules out before release.
pub fn builtin_course() -> &'static CourseContent {
    static COURSE: OnceLock<CourseContent> = OnceLock::new();
    COURSE.get_or_init(|| {
        serde_json::from_str(include_str!("../../content/course.json"))
            .expect("content/course.json is checked by tests")
    })
}

/// The trainee's own version of the course: modules in their order, ticks, notes.
///
/// Every field has a default so older or partial saves still load; a save with no modules at all
/// starts from the built-in course. The defaults are per field, not `#[serde(default)]` on the
/// struct: that would build the whole built-in course before reading every save, which has its
/// own modules, and it is read on every start-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseState {
    /// The modules in teaching order.
    #[serde(default = "builtin_modules")]
    pub modules: Vec<Module>,
    /// The placement (not part of the classroom schedule).
    #[serde(default = "builtin_placement")]
    pub placement: Module,
    /// Modules the trainee has taken out of their course, kept whole so they can be put back.
    #[serde(default)]
    pub set_aside: Vec<Module>,
    /// Ids of ticked checklist items.
    #[serde(default)]
    pub ticked: BTreeSet<ItemId>,
    /// Notes per module id (only non-empty notes are kept).
    #[serde(default)]
    pub notes: BTreeMap<ModuleId, String>,
    /// Counter for the trainee's own ids, so a removed item's id is never handed out again.
    #[serde(default = "first_own_number")]
    pub next_own_number: u32,
}

/// The built-in modules, for a save that has none.
fn builtin_modules() -> Vec<Module> {
    builtin_course().modules.clone()
}

/// The built-in placement, for a save that has none.
fn builtin_placement() -> Module {
    builtin_course().placement.clone()
}

/// The first number handed out for the trainee's own ids.
fn first_own_number() -> u32 {
    1
}

impl Default for CourseState {
    fn default() -> Self {
        Self::from_builtin()
    }
}

/// What the trainee typed in the add- or edit-module form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModuleDraft {
    /// The title field.
    pub title: String,
    /// The summary field (optional).
    pub summary: String,
}

/// Field-level problems with a [`ModuleDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModuleErrors {
    /// Beside the title field.
    pub title: Option<FieldError>,
    /// Beside the summary field.
    pub summary: Option<FieldError>,
}

/// What the trainee typed in the add- or edit-item form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemDraft {
    /// What to do.
    pub text: String,
    /// Estimated time as typed ("15", "1h"); empty means no estimate.
    pub minutes: String,
    /// The kind chosen.
    pub kind: TaskKind,
}

/// Field-level problems with an [`ItemDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemErrors {
    /// Beside the text field.
    pub text: Option<FieldError>,
    /// Beside the minutes field.
    pub minutes: Option<FieldError>,
}

/// Why an edit to the course was not made. Nothing is changed when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CourseEditError {
    /// The module form has problems; show each beside its field.
    Module(ModuleErrors),
    /// The item form has problems; show each beside its field.
    Item(ItemErrors),
    /// No module (or placement, or set-aside module) has this id.
    ModuleNotFound {
        /// The id asked for.
        id: String,
    },
    /// No checklist item has this id.
    ItemNotFound {
        /// The id asked for.
        id: String,
    },
    /// Built-in items can be ticked but not edited or removed.
    NotYourOwnItem {
        /// The item's id.
        id: String,
    },
    /// The placement has no place in the module order.
    PlacementNotMovable,
}

impl ModuleErrors {
    /// True when every field is fine.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.summary.is_none()
    }
}

impl ItemErrors {
    /// True when every field is fine.
    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.minutes.is_none()
    }
}

impl fmt::Display for ModuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join_messages(f, [("Title", &self.title), ("Summary", &self.summary)])
    }
}

impl fmt::Display for ItemErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join_messages(f, [("Task", &self.text), ("Minutes", &self.minutes)])
    }
}

impl std::error::Error for ModuleErrors {}
impl std::error::Error for ItemErrors {}

impl fmt::Display for CourseEditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CourseEditError::Module(errors) => errors.fmt(f),
            CourseEditError::Item(errors) => errors.fmt(f),
            CourseEditError::ModuleNotFound { id } => {
                write!(f, "We couldn't find the module \"{id}\" in your course.")
            }
            CourseEditError::ItemNotFound { id } => {
                write!(f, "We couldn't find the checklist item \"{id}\".")
            }
            CourseEditError::NotYourOwnItem { .. } => f.write_str(
                "This task is part of the course, so it stays as it is. \
                 You can add your own tasks alongside it.",
            ),
            CourseEditError::PlacementNotMovable => f.write_str(
                "The placement sits alongside the modules, so it has no place in their order.",
            ),
        }
    }
}

impl std::error::Error for CourseEditError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CourseEditError::Module(errors) => Some(errors),
            CourseEditError::Item(errors) => Some(errors),
            _ => None,
        }
    }
}

impl ModuleDraft {
    /// A draft holding a module's current title and summary, for an edit form.
    pub fn from_module(module: &Module) -> Self {
        Self {
            title: module.title.clone(),
            summary: module.summary.clone(),
        }
    }

    /// Checks every field; returns the trimmed title and summary to store.
    pub fn validate(&self) -> Result<(String, String), ModuleErrors> {
        let title = required_text(
            &self.title,
            MAX_TITLE_CHARS,
            "Please give the module a title; a few words is plenty.",
        );
        let summary = limited_text(&self.summary, MAX_SUMMARY_CHARS);
        match (title, summary) {
            (Ok(title), Ok(summary)) => Ok((title, summary)),
            (title, summary) => Err(ModuleErrors {
                title: title.err(),
                summary: summary.err(),
            }),
        }
    }
}

impl ItemDraft {
    /// A draft holding an item's current values, for an edit form.
    pub fn from_item(item: &ChecklistItem) -> Self {
        Self {
            text: item.text.clone(),
            minutes: if item.minutes == 0 {
                String::new()
            } else {
                item.minutes.to_string()
            },
            kind: item.kind,
        }
    }

    /// Checks every field; returns the trimmed text and the minutes (0 when left empty).
    pub fn validate(&self) -> Result<(String, u32), ItemErrors> {
        let text = required_text(
            &self.text,
            MAX_ITEM_CHARS,
            "Please write what the task is, even just a few words.",
        );
        let minutes = match parse_minutes(&self.minutes, BareNumber::Minutes) {
            Ok(None) => Ok(0),
            Ok(Some(m)) if m > MAX_ITEM_MINUTES => Err(FieldError::TooMuchTime {
                max_minutes: MAX_ITEM_MINUTES,
            }),
            Ok(Some(m)) => Ok(m),
            Err(err) => Err(err),
        };
        match (text, minutes) {
            (Ok(text), Ok(minutes)) => Ok((text, minutes)),
            (text, minutes) => Err(ItemErrors {
                text: text.err(),
                minutes: minutes.err(),
            }),
        }
    }
}

impl CourseState {
    /// A fresh copy of the built-in course, nothing ticked.
    pub fn from_builtin() -> Self {
        let content = builtin_course();
        Self {
            modules: content.modules.clone(),
            placement: content.placement.clone(),
            set_aside: Vec::new(),
            ticked: BTreeSet::new(),
            notes: BTreeMap::new(),
            next_own_number: first_own_number(),
        }
    }

    /// The module (or the placement) with this id, if it is in the course.
    ///
    /// Set-aside modules are not found here; see [`CourseState::set_aside`].
    pub fn module(&self, id: &str) -> Option<&Module> {
        if id == self.placement.id {
            return Some(&self.placement);
        }
        self.modules.iter().find(|m| m.id == id)
    }

    /// Where a module sits in the order (0 for the first), if it is in the course.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.modules.iter().position(|m| m.id == id)
    }

    /// The module's number as shown to the trainee ("Module 3"), counting from 1.
    pub fn number(&self, id: &str) -> Option<usize> {
        self.position(id).map(|i| i + 1)
    }

    /// The course modules followed by the placement: everything with a checklist.
    pub fn modules_and_placement(&self) -> impl Iterator<Item = &Module> {
        self.modules.iter().chain(std::iter::once(&self.placement))
    }

    /// The modules before and after this one in the course order (the placement comes last),
    /// for "Previous module" / "Next module" links. `(None, None)` when it isn't in the course.
    pub fn neighbours(&self, id: &str) -> (Option<&Module>, Option<&Module>) {
        let order: Vec<&Module> = self.modules_and_placement().collect();
        match order.iter().position(|m| m.id == id) {
            Some(i) => (
                i.checked_sub(1).map(|p| order[p]),
                order.get(i + 1).copied(),
            ),
            None => (None, None),
        }
    }

    fn module_mut_anywhere(&mut self, id: &str) -> Option<&mut Module> {
        if id == self.placement.id {
            return Some(&mut self.placement);
        }
        self.modules
            .iter_mut()
            .chain(self.set_aside.iter_mut())
            .find(|m| m.id == id)
    }

    /// Whether a module (or the placement) with this id exists, in the course or set aside.
    pub fn knows_module(&self, id: &str) -> bool {
        self.module(id).is_some() || self.set_aside.iter().any(|m| m.id == id)
    }

    fn find_item(&self, item_id: &str) -> Option<&ChecklistItem> {
        self.modules
            .iter()
            .chain(std::iter::once(&self.placement))
            .chain(self.set_aside.iter())
            .flat_map(|m| m.checklist.iter())
            .find(|item| item.id == item_id)
    }

    fn all_ids(&self) -> impl Iterator<Item = &str> {
        self.modules
            .iter()
            .chain(std::iter::once(&self.placement))
            .chain(self.set_aside.iter())
            .flat_map(|m| {
                std::iter::once(m.id.as_str()).chain(m.checklist.iter().map(|i| i.id.as_str()))
            })
    }

    /// A new id for something the trainee added, never used before in this course.
    fn fresh_id(&mut self, make: impl Fn(u32) -> String) -> String {
        loop {
            let n = self.next_own_number.max(1);
            self.next_own_number = n + 1;
            let id = make(n);
            if !self.all_ids().any(|existing| existing == id) {
                return id;
            }
        }
    }

    /// Changes a module's title and summary (the placement's too).
    pub fn update_module(&mut self, id: &str, draft: &ModuleDraft) -> Result<(), CourseEditError> {
        let (title, summary) = draft.validate().map_err(CourseEditError::Module)?;
        let module = self
            .module_mut_anywhere(id)
            .ok_or_else(|| CourseEditError::ModuleNotFound { id: id.to_string() })?;
        module.title = title;
        module.summary = summary;
        Ok(())
    }

    /// Changes only a module's title.
    pub fn rename_module(&mut self, id: &str, title: &str) -> Result<(), CourseEditError> {
        let summary = self
            .module(id)
            .or_else(|| self.set_aside.iter().find(|m| m.id == id))
            .ok_or_else(|| CourseEditError::ModuleNotFound { id: id.to_string() })?
            .summary
            .clone();
        self.update_module(
            id,
            &ModuleDraft {
                title: title.to_string(),
                summary,
            },
        )
    }

    fn position_or_error(&self, id: &str) -> Result<usize, CourseEditError> {
        if id == self.placement.id {
            return Err(CourseEditError::PlacementNotMovable);
        }
        self.position(id)
            .ok_or_else(|| CourseEditError::ModuleNotFound { id: id.to_string() })
    }

    /// Moves a module to `index` in the order (clamped to the end). Returns its new position.
    pub fn move_module_to(&mut self, id: &str, index: usize) -> Result<usize, CourseEditError> {
        let from = self.position_or_error(id)?;
        let module = self.modules.remove(from);
        let to = index.min(self.modules.len());
        self.modules.insert(to, module);
        Ok(to)
    }

    /// Moves a module one place earlier; the first stays first. Returns its new position.
    pub fn move_module_up(&mut self, id: &str) -> Result<usize, CourseEditError> {
        let from = self.position_or_error(id)?;
        self.move_module_to(id, from.saturating_sub(1))
    }

    /// Moves a module one place later; the last stays last. Returns its new position.
    pub fn move_module_down(&mut self, id: &str) -> Result<usize, CourseEditError> {
        let from = self.position_or_error(id)?;
        self.move_module_to(id, from + 1)
    }

    /// Adds the trainee's own module at `at` (or at the end). Returns its new id.
    pub fn add_module(
        &mut self,
        draft: &ModuleDraft,
        at: Option<usize>,
    ) -> Result<ModuleId, CourseEditError> {
        let (title, summary) = draft.validate().map_err(CourseEditError::Module)?;
        let id = self.fresh_id(|n| format!("own-module-{n}"));
        let index = at.unwrap_or(self.modules.len()).min(self.modules.len());
        self.modules.insert(
            index,
            Module {
                id: id.clone(),
                title,
                summary,
                part: None,
                assignment: None,
                checklist: Vec::new(),
                own: true,
            },
        );
        Ok(id)
    }

    /// Takes a module out of the course. It is kept whole in [`CourseState::set_aside`], with its
    /// ticks and notes, so [`CourseState::restore_module`] can put it back.
    pub fn remove_module(&mut self, id: &str) -> Result<(), CourseEditError> {
        let index = self.position_or_error(id)?;
        let module = self.modules.remove(index);
        self.set_aside.push(module);
        Ok(())
    }

    /// Puts a set-aside module back at `at` (or at the end), with its ticks and notes.
    pub fn restore_module(&mut self, id: &str, at: Option<usize>) -> Result<(), CourseEditError> {
        let index = self
            .set_aside
            .iter()
            .position(|m| m.id == id)
            .ok_or_else(|| CourseEditError::ModuleNotFound { id: id.to_string() })?;
        let module = self.set_aside.remove(index);
        let to = at.unwrap_or(self.modules.len()).min(self.modules.len());
        self.modules.insert(to, module);
        Ok(())
    }

    /// Adds the trainee's own task to a module's (or the placement's) checklist. Returns its id.
    pub fn add_own_item(
        &mut self,
        module_id: &str,
        draft: &ItemDraft,
    ) -> Result<ItemId, CourseEditError> {
        let (text, minutes) = draft.validate().map_err(CourseEditError::Item)?;
        if !self.knows_module(module_id) {
            return Err(CourseEditError::ModuleNotFound {
                id: module_id.to_string(),
            });
        }
        let id = self.fresh_id(|n| format!("{module_id}:own-{n}"));
        let module = self
            .module_mut_anywhere(module_id)
            .expect("checked just above");
        module.checklist.push(ChecklistItem {
            id: id.clone(),
            text,
            minutes,
            kind: draft.kind,
            own: true,
        });
        Ok(id)
    }

    fn own_item_mut(&mut self, item_id: &str) -> Result<&mut ChecklistItem, CourseEditError> {
        let item = self
            .modules
            .iter_mut()
            .chain(std::iter::once(&mut self.placement))
            .chain(self.set_aside.iter_mut())
            .flat_map(|m| m.checklist.iter_mut())
            .find(|item| item.id == item_id)
            .ok_or_else(|| CourseEditError::ItemNotFound {
                id: item_id.to_string(),
            })?;
        if !item.own {
            return Err(CourseEditError::NotYourOwnItem {
                id: item_id.to_string(),
            });
        }
        Ok(item)
    }

    /// Changes one of the trainee's own tasks. Its tick is kept.
    pub fn update_own_item(
        &mut self,
        item_id: &str,
        draft: &ItemDraft,
    ) -> Result<(), CourseEditError> {
        // Find the item first so a stale id is reported even when the form is also incomplete.
        self.own_item_mut(item_id)?;
        let (text, minutes) = draft.validate().map_err(CourseEditError::Item)?;
        let item = self.own_item_mut(item_id)?;
        item.text = text;
        item.minutes = minutes;
        item.kind = draft.kind;
        Ok(())
    }

    /// Removes one of the trainee's own tasks (and its tick). Returns it, so the interface can
    /// offer to undo.
    pub fn remove_own_item(&mut self, item_id: &str) -> Result<ChecklistItem, CourseEditError> {
        self.own_item_mut(item_id)?;
        let mut removed = None;
        for module in self
            .modules
            .iter_mut()
            .chain(std::iter::once(&mut self.placement))
            .chain(self.set_aside.iter_mut())
        {
            if let Some(index) = module.checklist.iter().position(|i| i.id == item_id) {
                removed = Some(module.checklist.remove(index));
                break;
            }
        }
        self.ticked.remove(item_id);
        Ok(removed.expect("found by own_item_mut"))
    }

    /// Whether a checklist item is ticked.
    pub fn is_ticked(&self, item_id: &str) -> bool {
        self.ticked.contains(item_id)
    }

    /// Ticks or unticks a checklist item.
    pub fn set_ticked(&mut self, item_id: &str, ticked: bool) -> Result<(), CourseEditError> {
        if self.find_item(item_id).is_none() {
            return Err(CourseEditError::ItemNotFound {
                id: item_id.to_string(),
            });
        }
        if ticked {
            self.ticked.insert(item_id.to_string());
        } else {
            self.ticked.remove(item_id);
        }
        Ok(())
    }

    /// Flips a checklist item's tick. Returns whether it is now ticked.
    pub fn toggle_item(&mut self, item_id: &str) -> Result<bool, CourseEditError> {
        let now = !self.is_ticked(item_id);
        self.set_ticked(item_id, now)?;
        Ok(now)
    }

    /// The trainee's notes on a module ("" when there are none).
    pub fn notes(&self, module_id: &str) -> &str {
        self.notes.get(module_id).map(String::as_str).unwrap_or("")
    }

    /// Saves notes on a module exactly as typed (blank notes are cleared). Notes are kept for
    /// set-aside modules too.
    pub fn set_notes(&mut self, module_id: &str, text: &str) -> Result<(), CourseEditError> {
        if !self.knows_module(module_id) {
            return Err(CourseEditError::ModuleNotFound {
                id: module_id.to_string(),
            });
        }
        if text.trim().is_empty() {
            self.notes.remove(module_id);
        } else {
            self.notes.insert(module_id.to_string(), text.to_string());
        }
        Ok(())
    }

    /// The checklist items of a module not yet ticked, in checklist order.
    pub fn open_items(&self, module_id: &str) -> Vec<&ChecklistItem> {
        self.module(module_id)
            .map(|m| {
                m.checklist
                    .iter()
                    .filter(|item| !self.is_ticked(&item.id))
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn item(text: &str, minutes: &str) -> ItemDraft {
        ItemDraft {
            text: text.to_string(),
            minutes: minutes.to_string(),
            kind: TaskKind::Reflect,
        }
    }

    fn titled(title: &str) -> ModuleDraft {
        ModuleDraft {
            title: title.to_string(),
            summary: String::new(),
        }
    }

    #[test]
    fn the_built_in_course_has_sixteen_modules_in_two_halves_and_a_placement() {
        let course = builtin_course();
        assert_eq!(course.modules.len(), 16);
        assert!(course.modules[..8]
            .iter()
            .all(|m| m.part == Some(CoursePart::Core)));
        assert!(course.modules[8..]
            .iter()
            .all(|m| m.part == Some(CoursePart::Practice)));
        assert_eq!(course.modules[0].id, "welcome");
        assert_eq!(course.modules[15].id, "final-review");
        assert_eq!(course.placement.id, PLACEMENT_ID);
        assert!(!course.placement.checklist.is_empty());
    }

    #[test]
    fn built_in_ids_are_unique_and_items_belong_to_their_module() {
        let course = builtin_course();
        let mut seen = HashSet::new();
        for module in course
            .modules
            .iter()
            .chain(std::iter::once(&course.placement))
        {
            assert!(seen.insert(module.id.clone()), "duplicate id {}", module.id);
            for item in &module.checklist {
                assert!(seen.insert(item.id.clone()), "duplicate id {}", item.id);
                assert!(
                    item.id.starts_with(&format!("{}:", module.id)),
                    "{} should be prefixed by its module",
                    item.id
                );
                assert!(!item.own);
            }
        }
    }

    #[test]
    fn every_built_in_checklist_has_three_to_six_tasks_and_about_an_hour() {
        let course = builtin_course();
        for module in course
            .modules
            .iter()
            .chain(std::iter::once(&course.placement))
        {
            let n = module.checklist.len();
            assert!((3..=6).contains(&n), "{} has {n} tasks", module.id);
            let minutes = module.total_minutes();
            assert!(
                (50..=70).contains(&minutes),
                "{} takes {minutes} minutes",
                module.id
            );
            assert!(module
                .checklist
                .iter()
                .all(|i| i.minutes > 0 && !i.text.trim().is_empty()));
            assert!(!module.title.trim().is_empty() && !module.summary.trim().is_empty());
            let sentences = module.summary.matches(". ").count() + 1;
            assert!(
                sentences <= 2,
                "{} summary is {sentences} sentences",
                module.id
            );
        }
    }

    #[test]
    fn the_built_in_course_names_both_assignments_and_no_web_addresses_or_phone_numbers() {
        let course = builtin_course();
        let assignments: Vec<_> = course
            .modules
            .iter()
            .filter_map(|m| m.assignment.as_deref())
            .collect();
        assert_eq!(assignments, ["recovery-story-essay", "final-assignment"]);
        let text = include_str!("../../content/course.json");
        assert!(!text.contains("http") && !text.contains("www.") && !text.contains('@'));
        let longest_digit_run = text
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(longest_digit_run < 5, "no phone numbers in course content");
    }

    #[test]
    fn a_fresh_course_state_is_the_built_in_course_with_nothing_ticked() {
        let state = CourseState::from_builtin();
        assert_eq!(state.modules, builtin_course().modules);
        assert!(state.ticked.is_empty() && state.notes.is_empty());
        assert_eq!(state.number("what-is-recovery"), Some(2));
        assert!(state.module(PLACEMENT_ID).is_some());
    }

    #[test]
    fn an_older_save_missing_fields_still_loads() {
        let state: CourseState = serde_json::from_str(r#"{"ticked":["welcome:hopes"]}"#).unwrap();
        assert_eq!(state.modules.len(), 16);
        assert!(state.is_ticked("welcome:hopes"));
        let state: CourseState = serde_json::from_str(
            r#"{"modules":[{"id":"a","checklist":[{"id":"a:1"}]}],"notes":{"a":"kept"}}"#,
        )
        .unwrap();
        assert_eq!(state.modules[0].checklist[0].kind, TaskKind::Reflect);
        assert_eq!(state.notes("a"), "kept");
        assert_eq!(state.placement.id, PLACEMENT_ID);
        assert_eq!(state.next_own_number, 1);
        // A save with nothing in it is the built-in course, field for field.
        let empty: CourseState = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, CourseState::from_builtin());
    }

    #[test]
    fn a_course_state_round_trips_through_json() {
        let mut state = CourseState::from_builtin();
        state.set_ticked("welcome:hopes", true).unwrap();
        state.set_notes("welcome", "Nervous but excited.").unwrap();
        let id = state
            .add_own_item("welcome", &item("Charge laptop", "5"))
            .unwrap();
        let json = serde_json::to_string(&state).unwrap();
        let back: CourseState = serde_json::from_str(&json).unwrap();
        assert_eq!(back, state);
        assert!(back
            .module("welcome")
            .unwrap()
            .checklist
            .iter()
            .any(|i| i.id == id));
    }

    #[test]
    fn ticks_and_notes_survive_reordering_renaming_and_setting_aside() {
        let mut state = CourseState::from_builtin();
        state.set_ticked("what-is-recovery:chime", true).unwrap();
        state
            .set_notes("what-is-recovery", "CHIME clicked for me.")
            .unwrap();
        let own = state
            .add_own_item("what-is-recovery", &item("Ask Sam about hope", "10"))
            .unwrap();
        state.set_ticked(&own, true).unwrap();

        state.move_module_to("what-is-recovery", 10).unwrap();
        state.move_module_up("what-is-recovery").unwrap();
        state
            .rename_module("what-is-recovery", "Recovery: the big picture")
            .unwrap();
        assert!(state.is_ticked("what-is-recovery:chime") && state.is_ticked(&own));
        assert_eq!(state.notes("what-is-recovery"), "CHIME clicked for me.");

        state.remove_module("what-is-recovery").unwrap();
        assert!(state.module("what-is-recovery").is_none());
        assert!(state.is_ticked("what-is-recovery:chime"));
        state.restore_module("what-is-recovery", Some(1)).unwrap();
        assert_eq!(state.position("what-is-recovery"), Some(1));
        assert_eq!(
            state.module("what-is-recovery").unwrap().title,
            "Recovery: the big picture"
        );
        assert!(state.is_ticked(&own));
        assert_eq!(state.notes("what-is-recovery"), "CHIME clicked for me.");
    }

    #[test]
    fn moving_up_and_down_stops_at_the_ends() {
        let mut state = CourseState::from_builtin();
        assert_eq!(state.move_module_up("welcome"), Ok(0));
        assert_eq!(state.move_module_down("final-review"), Ok(15));
        assert_eq!(state.move_module_down("welcome"), Ok(1));
        assert_eq!(state.modules[0].id, "what-is-recovery");
        assert_eq!(state.move_module_to("welcome", 99), Ok(15));
        assert_eq!(state.modules.last().unwrap().id, "welcome");
        assert_eq!(state.modules.len(), 16);
        assert_eq!(
            state.move_module_up(PLACEMENT_ID),
            Err(CourseEditError::PlacementNotMovable)
        );
        assert!(matches!(
            state.move_module_up("nope"),
            Err(CourseEditError::ModuleNotFound { .. })
        ));
    }

    #[test]
    fn an_added_module_gets_a_fresh_id_and_an_empty_title_is_refused_kindly() {
        let mut state = CourseState::from_builtin();
        let id = state
            .add_module(&titled("  Trauma-informed care  "), Some(3))
            .unwrap();
        assert_eq!(state.modules[3].id, id);
        assert_eq!(state.modules[3].title, "Trauma-informed care");
        assert!(state.modules[3].own);

        let before = state.clone();
        let err = state.add_module(&titled("   "), None).unwrap_err();
        let CourseEditError::Module(errors) = err else {
            panic!("expected field errors")
        };
        assert!(errors
            .title
            .unwrap()
            .to_string()
            .starts_with("Please give the module a title"));
        assert_eq!(state, before, "nothing changes on a refused edit");

        state.remove_module(&id).unwrap();
        let second = state.add_module(&titled("Another"), None).unwrap();
        assert_ne!(second, id, "a set-aside module's id is never reused");
    }

    #[test]
    fn own_items_can_be_added_edited_and_removed_but_built_in_ones_only_ticked() {
        let mut state = CourseState::from_builtin();
        let id = state
            .add_own_item("welcome", &item("Find a quiet spot", "10 min"))
            .unwrap();
        let added = state
            .module("welcome")
            .unwrap()
            .checklist
            .last()
            .unwrap()
            .clone();
        assert_eq!(
            (added.text.as_str(), added.minutes, added.own),
            ("Find a quiet spot", 10, true)
        );

        state.set_ticked(&id, true).unwrap();
        state
            .update_own_item(
                &id,
                &ItemDraft {
                    kind: TaskKind::Practise,
                    ..item("Find a quiet room", "")
                },
            )
            .unwrap();
        let edited = state
            .module("welcome")
            .unwrap()
            .checklist
            .last()
            .unwrap()
            .clone();
        assert_eq!(
            (edited.text.as_str(), edited.minutes, edited.kind),
            ("Find a quiet room", 0, TaskKind::Practise)
        );
        assert!(state.is_ticked(&id), "editing keeps the tick");

        assert_eq!(
            state.update_own_item("welcome:hopes", &item("x", "")),
            Err(CourseEditError::NotYourOwnItem {
                id: "welcome:hopes".into()
            })
        );
        assert!(state.remove_own_item("welcome:hopes").is_err());

        let removed = state.remove_own_item(&id).unwrap();
        assert_eq!(removed.text, "Find a quiet room");
        assert!(!state.is_ticked(&id));
        let next = state.add_own_item("welcome", &item("Again", "")).unwrap();
        assert_ne!(next, id, "a removed item's id is never handed out again");
        assert!(!state.is_ticked(&next));
    }

    #[test]
    fn item_form_errors_sit_beside_their_fields_and_nothing_changes() {
        let mut state = CourseState::from_builtin();
        let before = state.clone();
        let err = state.add_own_item("welcome", &item(" ", "-5")).unwrap_err();
        let CourseEditError::Item(errors) = err else {
            panic!()
        };
        assert!(matches!(errors.text, Some(FieldError::Required { .. })));
        assert_eq!(errors.minutes, Some(FieldError::NotPositive));
        let err = state
            .add_own_item("welcome", &item("Read", "12 hours"))
            .unwrap_err();
        let CourseEditError::Item(errors) = err else {
            panic!()
        };
        assert!(errors.text.is_none());
        assert!(errors
            .minutes
            .unwrap()
            .to_string()
            .contains("smaller steps"));
        assert_eq!(state, before);
        assert!(matches!(
            state.add_own_item("nope", &item("Read", "")),
            Err(CourseEditError::ModuleNotFound { .. })
        ));
    }

    #[test]
    fn ticking_an_unknown_item_is_refused_and_toggling_flips() {
        let mut state = CourseState::from_builtin();
        assert!(state.set_ticked("no-such-item", true).is_err());
        assert!(state.ticked.is_empty());
        assert_eq!(state.toggle_item("welcome:hopes"), Ok(true));
        assert_eq!(state.toggle_item("welcome:hopes"), Ok(false));
        assert!(!state.is_ticked("welcome:hopes"));
        assert_eq!(state.open_items("welcome").len(), 4);
        state.set_ticked("welcome:hopes", true).unwrap();
        assert_eq!(state.open_items("welcome").len(), 3);
    }

    #[test]
    fn notes_are_kept_exactly_as_typed_and_blank_notes_clear() {
        let mut state = CourseState::from_builtin();
        state
            .set_notes("welcome", "  line one\nline two  ")
            .unwrap();
        assert_eq!(state.notes("welcome"), "  line one\nline two  ");
        state.set_notes("welcome", "  ").unwrap();
        assert_eq!(state.notes("welcome"), "");
        assert!(!state.notes.contains_key("welcome"));
        state
            .set_notes(PLACEMENT_ID, "Tuesdays at the hub")
            .unwrap();
        assert_eq!(state.notes(PLACEMENT_ID), "Tuesdays at the hub");
        assert!(state.set_notes("nope", "x").is_err());
    }

    #[test]
    fn the_placement_can_be_renamed_and_given_own_items() {
        let mut state = CourseState::from_builtin();
        state
            .rename_module(PLACEMENT_ID, "Placement at the community hub")
            .unwrap();
        assert_eq!(state.placement.title, "Placement at the community hub");
        let id = state
            .add_own_item(PLACEMENT_ID, &item("Bring ID badge", ""))
            .unwrap();
        assert!(id.starts_with("placement:own-"));
        assert_eq!(
            state.remove_module(PLACEMENT_ID),
            Err(CourseEditError::PlacementNotMovable)
        );
    }

    #[test]
    fn neighbours_follow_the_trainees_order_and_end_at_the_placement() {
        let mut course = CourseState::from_builtin();
        let ids: Vec<String> = course.modules.iter().map(|m| m.id.clone()).collect();
        let (before, after) = course.neighbours(&ids[0]);
        assert!(before.is_none());
        assert_eq!(after.unwrap().id, ids[1]);
        let (before, after) = course.neighbours(ids.last().unwrap());
        assert_eq!(before.unwrap().id, ids[ids.len() - 2]);
        assert_eq!(after.unwrap().id, course.placement.id);
        let placement = course.placement.id.clone();
        assert!(course.neighbours(&placement).1.is_none());
        // Reordering moves the links with it; a set-aside module has none.
        course.move_module_down(&ids[0]).unwrap();
        assert_eq!(course.neighbours(&ids[1]).1.unwrap().id, ids[0]);
        course.remove_module(&ids[2]).unwrap();
        assert_eq!(course.neighbours(&ids[2]), (None, None));
    }
}
