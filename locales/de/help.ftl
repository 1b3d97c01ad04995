# Help articles: German.

help-contact = Dem Partner-Support eine Nachricht senden
    .summary = Schreiben Sie dem Partner-Support direkt aus der App, wenn Sie eine Frage zu Ihrer Unterkunft, einer Reservierung oder Ihrem Konto haben.
    .body = Tippen Sie auf „Mehr“ und dann auf „Hilfe“. Über das Briefumschlag-Symbol öffnen Sie anschließend „Nachricht an uns senden“.
        Wählen Sie das passende Thema und danach das Unterthema aus und beschreiben Sie in eigenen Worten, worum es geht. Betrifft Ihre Frage eine Reservierung, wählen Sie „Reservierungen“ und geben Sie die Bestätigungsnummer an, damit wir die Reservierung sofort finden.
        Bevor Sie auf „Senden“ tippen, können Sie Fotos hinzufügen, zum Beispiel einen Screenshot oder ein Bild, auf dem das Problem zu sehen ist.
        Wir möchten Ihnen innerhalb von 24 Stunden antworten, manchmal kann es aber etwas länger dauern. Unsere Antwort erscheint unter „Nachrichten“, und Sie sehen sie außerdem unter „Benachrichtigungen“.

help-technical = Ein technisches Problem melden
    .summary = Sagen Sie uns Bescheid, wenn in der App oder auf der Plattform etwas nicht so funktioniert, wie es sollte.
    .body = Tippen Sie unter „Hilfe“ auf „Technisches Problem melden“. Die App ordnet Ihre Meldung dem Thema „Konto“ und dem Unterthema „Sonstiges“ zu, damit sie beim Team für technische Fragen ankommt.
        Beschreiben Sie, was passiert ist, was Sie stattdessen erwartet hätten und seit wann das Problem ungefähr besteht. Ein Screenshot einer Fehlermeldung hilft uns sehr.
        Damit wir der Sache nachgehen können, fügt die App einige Angaben zu Ihrem Gerät hinzu, etwa App-Version, Plattform, Sprache und Verbindungsstatus. Vor dem Senden sehen Sie genau, welche Angaben übermittelt werden.
        Tippen Sie auf „Senden“, sobald alles fertig ist. Ein Mitglied unseres Teams meldet sich so schnell wie möglich bei Ihnen.

help-complaint = Eine Beschwerde einreichen
    .summary = Reichen Sie eine Beschwerde ein, wenn mit unserer Plattform oder unseren Leistungen etwas schiefgelaufen ist und Sie eine formelle Prüfung wünschen.
    .body = Eine Beschwerde ist für Probleme mit der Plattform oder mit unserem Service gedacht, nicht für alltägliche Fragen. Bei Fragen kommen Sie über „Nachricht an uns senden“ meist schneller ans Ziel.
        Tippen Sie unter „Hilfe“ auf „Beschwerde einreichen“. Geben Sie zuerst an, wer die Beschwerde einreicht: Sie selbst als Partner, eine Person, die für den Partner arbeitet, oder eine Vertretung des Partners.
        Tragen Sie dann einen Namen und eine E-Mail-Adresse ein, damit wir Sie erreichen können; die Telefonnummer ist freiwillig.
        Wählen Sie anschließend das Thema, um das es geht, und schildern Sie in der Nachricht, was schiefgelaufen ist. Je genauer Ihre Angaben sind, etwa Daten, Reservierungsnummern und bereits unternommene Schritte, desto schneller können wir das Problem lösen.
        Tippen Sie auf „Senden“, um die Beschwerde einzureichen. Unter „Nachrichten“ können Sie verfolgen, wie es weitergeht.

help-process = So bearbeiten wir Ihre Beschwerde
    .summary = Was nach dem Einreichen einer Beschwerde passiert, von unserer ersten Rückmeldung bis zum Ergebnis.
    .body = Zunächst bestätigen wir den Eingang Ihrer Beschwerde und erklären Ihnen, wie es weitergeht. Wir möchten Ihnen innerhalb von 24 Stunden antworten.
        Während wir die Beschwerde prüfen, halten wir Sie auf dem Laufenden, und ein Mitglied unseres Teams bittet Sie gegebenenfalls um weitere Informationen. Sie können direkt unter „Nachrichten“ antworten.
        Sobald wir eine Lösung gefunden haben, teilen wir Ihnen das Ergebnis mit. Sie können es annehmen oder widersprechen und in einem Kommentar erläutern, warum Sie nicht einverstanden sind.
        Haben Sie Ihren Sitz im Europäischen Wirtschaftsraum (EWR) und sind Sie weiterhin nicht einverstanden, können Sie eine Mediation beantragen. Dann befasst sich ein unabhängiger Mediator mit Ihrem Fall.

help-urgent = Dringende Anliegen: Rufen Sie uns an
    .summary = Wenn etwas nicht auf eine schriftliche Antwort warten kann, rufen Sie am besten den Partner-Support an.
    .body = Manche Situationen erfordern sofort eine Antwort, zum Beispiel wenn ein Gast mit Reservierung vor der Tür steht und kein Zimmer mehr frei ist.
        Warten Sie in solchen Fällen nicht auf die Antwort auf eine Nachricht. Öffnen Sie „Hilfe“ und tippen Sie auf „Uns anrufen“, um direkt mit dem Partner-Support zu sprechen.
        Halten Sie die Bestätigungsnummer und die Angaben zu Ihrer Unterkunft bereit, damit wir Ihnen schnell helfen können.
        Für alles, was warten kann, ist „Nachricht an uns senden“ nach wie vor der einfachste Weg zu uns.

help-guests = Gäste an die richtige Stelle verweisen
    .summary = Gäste erhalten am schnellsten Hilfe über die Hilfeseiten für Gäste und nicht über die Support-Leitung für Partner.
    .body = Der Partner-Support ist dafür da, Ihnen und Ihrer Unterkunft zu helfen. Gästen, die uns über die Partnerkanäle kontaktieren, können wir nicht weiterhelfen, und das macht die Sache für alle Beteiligten meist langsamer.
        Braucht ein Gast unsere Hilfe, verweisen Sie ihn bitte auf die Hilfeseiten für Gäste. Dort kann er seine Buchung selbst verwalten oder den Kundenservice in seiner Sprache per Chat, E-Mail oder Telefon erreichen.
        Geben Sie Gästen bitte nicht die Kontaktdaten weiter, über die Sie uns erreichen, und auch nicht unsere Telefonnummer für Partner. Am einfachsten bitten Sie sie, den Hilfebereich in der App oder auf der Website zu öffnen, über die sie gebucht haben.

help-offline = Ohne Verbindung schreiben
    .summary = Sie können uns auch ohne Netz schreiben, und Ihre Nachricht wird gesendet, sobald die Verbindung wieder steht.
    .body = Bricht die Verbindung ab, während Sie schreiben, machen Sie einfach weiter. Ihre Nachricht wird als Entwurf auf Ihrem Smartphone gespeichert, sodass Sie sie später fertigstellen können.
        Tippen Sie ohne Verbindung auf „Senden“, bleibt die Nachricht samt eventuellen Fotos unter „Warten auf Versand“ auf Ihrem Smartphone.
        Sobald die Verbindung zurück ist, sendet die App sie automatisch und nur ein einziges Mal. Sie müssen sie also nie erneut senden.
        Wenn Sie die App schließen, geht nichts verloren. Ihre Entwürfe und wartenden Nachrichten sind beim nächsten Öffnen noch da, und Sie finden sie unter „Mehr“ in „Entwürfe“ und „Warten auf Versand“.
