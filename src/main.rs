use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = papan::cli::Cli::parse();
    match papan::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprint!("{}", e.report());
            e.exit_code()
        }
    }
}
