/* A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test only.
 *
 * Rust's standard library (1.78 and later) gets random bytes from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10 and 11 has but Debian 12's Wine 8 lacks: there
 * papan.exe exits before main. This DLL exports ProcessPrng and answers it with
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. It is built by
 * tests/windows/run.sh with mingw-w64 and placed in the test's own Wine prefix; it is never
 * shipped with Papan. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
