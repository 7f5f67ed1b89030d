//! One error for a whole run of Papan, and the one place that turns it into an exit status.
//!
//! Every command returns `Result<_, Error>`; `main` prints the error's problems (through
//! [`Diagnostics`], like every other problem) and exits with [`Error::exit_code`]: 1 when the
//! content (or the machine) is at fault, 2 when Papan was asked for something it refuses
//! (a wrong output folder, `new` into a folder that is not empty, no free port). Clap's own
//! usage errors exit 2 before a command runs.

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use std::process::ExitCode;

/// Who has to change something for the command to succeed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The content has errors, or the machine refused (a file that cannot be written).
    Content,
    /// The command was asked for something Papan refuses.
    Usage,
}

/// Why a command failed: every problem found, and what became of the output.
#[derive(Debug)]
pub struct Error {
    pub kind: Kind,
    pub diags: Diagnostics,
    /// One line printed after the problems (`Situs tidak dibangun; folder … tidak diubah.`).
    pub outcome: Option<String>,
}

impl Error {
    pub fn new(kind: Kind, diags: Diagnostics) -> Self {
        Error {
            kind,
            diags,
            outcome: None,
        }
    }

    /// The content has errors; they are all in `diags`.
    pub fn content(diags: Diagnostics) -> Self {
        Self::new(Kind::Content, diags)
    }

    /// One problem of the given kind.
    pub fn one(kind: Kind, problem: Diagnostic) -> Self {
        let mut diags = Diagnostics::new();
        diags.push(problem);
        Self::new(kind, diags)
    }

    /// The problem that names what is wrong with the command itself.
    /// A problem with the machine rather than the content (a watcher that cannot start).
    pub fn environment(message: impl Into<String>) -> Self {
        Error::one(Kind::Content, Diagnostic::general(Severity::Error, message))
    }

    pub fn usage(problem: Diagnostic) -> Self {
        Self::one(Kind::Usage, problem)
    }

    pub fn with_outcome(mut self, outcome: impl Into<String>) -> Self {
        self.outcome = Some(outcome.into());
        self
    }

    /// Problems found before this one (warnings of the same run) are reported with it.
    pub fn after(mut self, earlier: Diagnostics) -> Self {
        let mut all = earlier;
        all.append(self.diags);
        self.diags = all;
        self
    }

    /// The first error's message, for tests and logs.
    pub fn message(&self) -> &str {
        self.diags
            .sorted()
            .first()
            .map_or("", |d| d.message.as_str())
    }

    /// What the terminal shows: every problem with the counts, then the outcome.
    pub fn report(&self) -> String {
        let mut out = self.diags.report();
        if let Some(outcome) = &self.outcome {
            out.push_str(outcome);
            out.push('\n');
        }
        out
    }

    pub fn exit_code(&self) -> ExitCode {
        match self.kind {
            Kind::Content => ExitCode::from(1),
            Kind::Usage => ExitCode::from(2),
        }
    }
}

/// The end of every run: a failure printed once, on stderr, and its exit status.
pub fn finish(result: Result<(), Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprint!("{}", e.report());
            e.exit_code()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_problems_then_the_outcome() {
        let e = Error::usage(
            Diagnostic::general(crate::diagnostic::Severity::Error, "port 1111 terpakai")
                .hint("pilih port lain"),
        )
        .with_outcome("Pratinjau tidak dimulai.");
        assert_eq!(e.kind, Kind::Usage);
        assert_eq!(e.message(), "port 1111 terpakai");
        assert_eq!(
            e.report(),
            "kesalahan: port 1111 terpakai\n   = saran: pilih port lain\n\nDitemukan 1 kesalahan.\nPratinjau tidak dimulai.\n"
        );
    }
}
