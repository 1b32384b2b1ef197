#pragma once

#include <QHash>
#include <QTextBrowser>

namespace Counterpart::Ui {

/**
 * A QTextBrowser that never fetches anything by itself: remote resources resolve to nothing
 * unless the agent allowed them, and even then only from images handed in with addImage()
 * (the widget layer does no networking). Local files are refused too: an email must not be able
 * to show, or probe for, files on the agent's machine.
 */
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    void setRemoteAllowed(bool allowed) { m_remoteAllowed = allowed; }
    void addImage(const QUrl &url, const QByteArray &data) { m_images.insert(url, data); }
    /** Every resource the document asked for, refused or not: what a test checks. */
    const QList<QUrl> &requested() const { return m_requested; }

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    /** Emitted once per remote image the document wants while remote content is allowed. */
    void remoteResourceWanted(const QUrl &url);

private:
    bool m_remoteAllowed = false;
    QHash<QUrl, QByteArray> m_images;
    QList<QUrl> m_requested;
};

} // namespace Counterpart::Ui
