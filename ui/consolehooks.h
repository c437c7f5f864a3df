// ConsoleHooks: what the console may ask of the engine, filled in by app/main.cpp (the
// composition root). The console never touches engine objects from the GUI thread: it calls
// these callbacks, which must be thread-safe and return at once (they post into the engine's
// own threads). Every member is optional; an empty one disables the matching action.
// Thread: called on the GUI thread.
#pragma once

#include <QtGlobal>
#include <functional>

class QObject;

namespace Leadline::Ui {

struct ConsoleHooks
{
    std::function<void(qint64 callId)> hangUpCall;         // supervisor "Hang up"
    std::function<void()> runDemo;                         // "Run demo campaign"
    // Emits `published(QByteArray json)` from any thread (Server::EventHub). Connected queued to
    // the live feed's own thread; must outlive the ConsoleApp.
    const QObject *eventSource = nullptr;
};

} // namespace Leadline::Ui
