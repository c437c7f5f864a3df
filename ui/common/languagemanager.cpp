#include "languagemanager.h"

#include <QCoreApplication>
#include <QLocale>

namespace Leadline::Ui {

// Standard button texts come from Qt's own catalog, which has no Hindi; these entries let our
// catalog translate them (QPlatformTheme is the context Qt looks them up in).
[[maybe_unused]] static const char *const kQtButtons[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),     QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),  QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
};

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator);
}

QString LanguageManager::nativeName(const QString &code)
{
    if (code == QLatin1String("hi"))
        return QStringLiteral("\u0939\u093f\u0928\u094d\u0926\u0940");
    return QStringLiteral("English");
}

bool LanguageManager::apply(const QString &code)
{
    if (!available().contains(code))
        return false;
    if (code == m_current)
        return true;
    auto *next = new QTranslator(this);
    if (!next->load(QStringLiteral(":/i18n/leadline_%1.qm").arg(code))) {
        delete next;
        return false;
    }
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        m_translator->deleteLater();
    }
    m_translator = next;
    QCoreApplication::installTranslator(m_translator);
    QLocale::setDefault(QLocale(code == QLatin1String("hi") ? QLocale::Hindi : QLocale::English, QLocale::India));
    m_current = code;
    emit languageChanged(code);
    return true;
}

} // namespace Leadline::Ui
