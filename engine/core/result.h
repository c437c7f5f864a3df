// Result<T>: a value or an Error. Errors carry a stable code (an English identifier that REST
// clients see), a human message and whether a retry may help. No exceptions cross a module or
// thread boundary: fallible engine calls return Result.
// Thread: value type, safe to copy between threads.
#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace Leadline {

struct Error
{
    // Stable codes; the HTTP mapping lives in server/httperror.cpp (one table).
    enum class Code {
        BadRequest,      // malformed input from the caller
        Validation,      // well-formed but unacceptable (e.g. a field out of range)
        BadEncoding,     // an upload is not valid UTF-8
        NotACsv,         // an upload is not a usable CSV (no header, no phone column)
        NotFound,
        Conflict,
        Unauthorized,
        Forbidden,
        MethodNotAllowed, // the path exists for other methods (HTTP 405)
        PayloadTooLarge,
        HeadersTooLarge,  // too many or too large request headers (HTTP 431)
        TooManyRequests,  // slow down; retryAfterS says when to come back (HTTP 429)
        Unprocessable,   // understood but cannot be done in this configuration (HTTP 422)
        Unavailable,     // a dependency (database, vendor) is down; retryable
        Internal,
    };

    Code code = Code::Internal;
    QString message;
    QString detailCode; // optional finer code, e.g. "bad_encoding", "no_phone_column"
    bool retryable = false;
    int retryAfterS = 0; // when a retry may help: how long to wait (0: the transport's default)

    static Error make(Code c, QString msg, QString detail = {})
    {
        return Error{c, std::move(msg), std::move(detail), c == Code::Unavailable || c == Code::TooManyRequests, 0};
    }
    QString codeName() const;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error e) : m_v(std::move(e)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_v); }
    T &value() & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    const T *operator->() const { return &std::get<T>(m_v); }
    T *operator->() { return &std::get<T>(m_v); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// Result<void> equivalent.
struct Ok {};
using Status = Result<Ok>;
inline Status okStatus() { return Ok{}; }

} // namespace Leadline
