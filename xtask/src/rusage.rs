//! A child's CPU time and peak memory, from `wait4`: measured by the kernel, from outside
//! the process, as a user's shell would see it.

use std::process::Child;

use anyhow::{bail, Result};

/// How a child process ended and what it used.
pub struct Usage {
    pub status: i32,
    /// User + system CPU time.
    pub cpu_millis: f64,
    /// Peak resident memory.
    pub peak_kib: u64,
}

/// Waits for `child` and reads its resource usage.
pub fn wait(child: &mut Child) -> Result<Usage> {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills in; the pid is our own child's.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    let millis = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    Ok(Usage {
        status: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
        cpu_millis: millis(usage.ru_utime) + millis(usage.ru_stime),
        // Linux reports ru_maxrss in KiB.
        peak_kib: usage.ru_maxrss as u64,
    })
}
