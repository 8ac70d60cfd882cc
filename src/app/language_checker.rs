//! The recovery-language checker as the app uses it: built-in glossary plus the trainee's own
//! entries (the "glossary-own" record), compiled only when those entries change.
//!
//! Both the glossary's "Try the checker" box and the assignment editor take their checker from
//! [`use_language_checker`], so there is one place that decides when to compile, and moving
//! between the two pages reuses the compiled rules instead of compiling them again.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use crate::app::records::use_record;
use crate::domain::glossary::GlossaryEntry;
use crate::domain::language_check::Checker;
use crate::storage::record_names::GLOSSARY_OWN;

/// A compiled checker, cheap to clone and to hand to a `Memo`. Two values are equal only when
/// they are the same compiled checker, so a `Memo` of one notifies exactly when it is rebuilt.
#[derive(Debug, Clone)]
pub struct SharedChecker(pub Arc<Checker>);

impl PartialEq for SharedChecker {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedChecker {
    type Target = Checker;

    fn deref(&self) -> &Checker {
        &self.0
    }
}

thread_local! {
    /// The last checker compiled, with the own entries it was compiled for. Compiling the rules
    /// costs far more than checking a paragraph, and the entries rarely change.
    static LAST_COMPILED: RefCell<Option<(Vec<GlossaryEntry>, SharedChecker)>> =
        const { RefCell::new(None) };
}

/// The checker for the built-in glossary and these own entries, compiled at most once for any
/// one set of entries in a row.
pub fn checker_for(own: &[GlossaryEntry]) -> SharedChecker {
    LAST_COMPILED.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((for_entries, checker)) = last.as_ref() {
            if for_entries.as_slice() == own {
                return checker.clone();
            }
        }
        let checker = SharedChecker(Arc::new(Checker::with_own_entries(own)));
        *last = Some((own.to_vec(), checker.clone()));
        checker
    })
}

/// The checker for the trainee's glossary, rebuilt only when their own entries change (not when
/// a favourite is added, say).
pub fn use_language_checker() -> Memo<SharedChecker> {
    let glossary = use_record(GLOSSARY_OWN);
    let own_entries = Memo::new(move |_| glossary.with(|g| g.own_entries.clone()));
    Memo::new(move |_| own_entries.with(|own| checker_for(own)))
}
