// LanguageManager: installs the console's translator (English or Hindi, compiled into the
// binary under :/i18n) on the application. Installing one sends QEvent::LanguageChange to every
// widget, which re-translates itself. Thread: GUI thread; created by the composition root.
#pragma once

#include <QObject>
#include <QTranslator>

namespace Leadline::Ui {

class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "en" or "hi"; returns false (and keeps the current language) when the catalog is missing.
    bool apply(const QString &code);
    QString current() const { return m_current; }
    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("hi")}; }
    // The language's own name ("English", "हिन्दी"), never translated.
    static QString nativeName(const QString &code);

signals:
    void languageChanged(const QString &code);

private:
    QTranslator *m_translator = nullptr;
    QString m_current;
};

} // namespace Leadline::Ui
