import PromptGuard
import Testing

@testable import NovaCore

@Suite("Prompt guard: near-miss prompts conflict, paraphrases stay compatible")
struct PromptGuardTests {
    private let promptGuard = PromptGuard()

    private func reason(_ query: String, _ candidate: String) -> String? {
        if case .conflict(let reason) = promptGuard.check(query: query, candidate: candidate) { reason } else { nil }
    }

    @Test(
        "abbreviations and possessives read as the words they stand for",
        arguments: [
            ("Extract the tracking number from the shipping email", "Pull the tracking no. out of the shipping e-mail"),
            ("Find the invoice number on the PDF", "Find the invoice nº on the PDF"),
            ("Update the status of order 1234 to shipped", "Update order 1234's status to shipped"),
            ("Count the unread emails in the support inbox", "Count the unread emails in the support mailbox"),
            ("Sum the amount column", "Sum the amt column"),
        ]
    )
    func abbreviations(query: String, candidate: String) {
        #expect(reason(query, candidate) == nil)
    }

    @Test("an upsert is not an insert, and returns are not orders; \"Return …\" as the first word still reads")
    func upsertAndReturns() {
        #expect(reason("Upsert the parsed invoices into the invoices table", "Insert the parsed invoices into the invoices table") != nil)
        #expect(reason("Upsert the product into the products table", "Insert or update the product in the products table") == nil)
        #expect(reason("Count orders created in the last 7 days", "Count returns created in the last 7 days") != nil)
        #expect(reason("Return the unpaid invoices", "List the unpaid invoices") == nil)
        #expect(reason("Extract the totals and return them as JSON", "Extract the totals and give them back as JSON") == nil)
    }

    @Test(
        "polite openings, Spanish negative concord, \"not equal\" and common synonyms read as one request",
        arguments: [
            ("Delete all emails in the Spam folder", "Can you empty the Spam folder?"),
            ("Lista los clientes que no han hecho ningún pedido", "Lista los clientes que no han pedido nada"),
            (
                "Return the lines where the total doesn't equal quantity times price",
                "Return the lines where the total is different from quantity times price"
            ),
            ("Update the stock quantity after each sale", "Adjust the stock quantity after each sale"),
            ("Save each email body as a text file", "Save each email body as a txt file"),
            ("List customers who spent more than 500 last month", "List customers whose spending last month was more than 500"),
            ("Extract the tracking number from the shipping email", "Extract the tracking number from the shipment email"),
        ]
    )
    func generalReadings(query: String, candidate: String) {
        #expect(reason(query, candidate) == nil)
    }

    @Test(
        "a swap of general verbs or linking words is rewording; month abbreviations and Spanish \"leído\" read as their words",
        arguments: [
            ("Take the subtotal and apply a 10% discount to it", "Compute a 10% discount on the subtotal"),
            ("Create a tab named Archive", "Create a tab called Archive"),
            ("Compare the IBAN on each invoice against the supplier master data", "Compare the IBAN on each invoice with the supplier master data"),
            ("Sum the sales of Jan and Feb", "Sum the sales of January and February"),
            ("Cuenta los correos no leídos del buzón de soporte", "Cuenta los correos sin leer del buzón de soporte"),
        ]
    )
    func rewording(query: String, candidate: String) {
        #expect(reason(query, candidate) == nil)
    }

    @Test("a number written in several words is one number, and another number conflicts with it")
    func compoundNumberWords() {
        #expect(reason("Apply twenty-one percent VAT", "Apply 20 percent VAT") == "number 21 vs 20")
        #expect(reason("Keep the last one hundred rows", "Keep the last 101 rows") == "number 100 vs 101")
    }

    @Test("a swap that involves a content word still conflicts, whatever general word stands beside it")
    func genericWordsDoNotHideSwaps() {
        #expect(reason("Take the subtotal and apply a 10% discount", "Take the total and apply a 10% discount") != nil)
        #expect(reason("Sum the sales of January", "Sum the sales of February") != nil)
    }

    @Test(
        "members of an exclusive class conflict wherever they stand",
        arguments: [
            ("Get the sender's phone number from the message", "Return the phone number of the recipient of the message", "field"),
            ("Extract the VAT from the attached invoice", "From the attached receipt, pull out the VAT", "entity"),
            ("List overdue invoices per customer", "For each supplier, list the overdue invoices", "entity"),
            ("Translate the subject of the email into English", "Translate the email's body into English", "field"),
        ]
    )
    func exclusiveClasses(query: String, candidate: String, kind: String) {
        #expect(reason(query, candidate)?.hasPrefix(kind) == true)
    }

    @Test("a prompt that names more members of a class than another, and no other member, is not a class conflict")
    func classSubsetIsNotConflict() {
        let reason = reason("Extract the sender and the recipient of the email", "Extract the sender of the email")
        #expect(reason?.hasPrefix("field") != true)
    }

    @Test("a field named in three words swapped for one named in two conflicts")
    func threeWordSwap() {
        #expect(
            reason(
                "Pull the vendor's tax ID from the OCR text of each invoice",
                "Pull the vendor's bank account number from the OCR text of each invoice")
                != nil)
    }

    @Test("the leading verb of one prompt against a word inside the other is rewording, not a swap")
    func leadingVerbAgainstInnerWord() {
        #expect(
            reason(
                "Send an email to ops@acme.com whenever a refund over 500 is approved",
                "Whenever a refund with an amount above 500 is approved, email ops@acme.com") == nil)
        #expect(reason("Export the unpaid invoices to a CSV file", "Import the unpaid invoices from a CSV file") != nil)
        #expect(reason("Archive the spam emails of the shared inbox", "Label the spam emails of the shared inbox") != nil)
        #expect(reason("Archive the spam emails of the shared inbox", "Only label the spam emails of the shared inbox") != nil)
    }

    @Test("negative concord does not hide a real difference in negation")
    func concordKeepsNegation() {
        #expect(reason("Lista los clientes que no han hecho ningún pedido", "Lista los clientes que han hecho algún pedido") != nil)
        #expect(reason("Empty the Spam folder", "Can you list the Spam folder?") != nil)
    }

    @Test("\"no\" is still a negation where it is not an abbreviation")
    func noStillNegates() {
        #expect(reason("List customers with no orders", "List customers with orders") != nil)
    }

    @Test("an identical prompt is compatible with itself")
    func identical() {
        let prompt = "Extract the invoice total from the PDF text"
        #expect(promptGuard.check(query: prompt, candidate: prompt) == .compatible)
        #expect(promptGuard.check(query: prompt, candidate: prompt).isCompatible)
    }

    @Test("different numbers conflict and the reason names both")
    func numbers() {
        #expect(reason("Filter rows where amount > 1000", "Filter rows where amount > 5000") == "number 1000 vs 5000")
        #expect(reason("Skip the first 2 rows of the CSV", "Skip the first row of the CSV") == "number 2 vs none")
        #expect(reason("Select the invoices due within 7 days", "Select the invoices due within 2 weeks") == "number 7 vs 14")
    }

    @Test(
        "one number written in different ways is the same number",
        arguments: [
            ("Flag invoices over 1000", "Flag invoices over 1,000"),
            ("Flag invoices over 1000", "Flag invoices over 1k"),
            ("Flag invoices over 1000", "Flag invoices over 1000.00"),
            ("Flag invoices over 1000", "Flag invoices over 1 thousand"),
            ("Filtra importes mayores que 1.000", "Filtra importes mayores que 1000"),
            ("Round the total to 2 decimals", "Round the total to two decimals"),
            ("Delete rows where the amount is 0", "Remove rows whose amount is zero"),
            ("Shift the dates by 1 day", "Shift the dates by one day"),
            ("Compute the VAT at 21% of the net amount", "Calculate 21 percent VAT on the net amount"),
            ("Compute the VAT at 21% of the net amount", "Calculate twenty-one percent VAT on the net amount"),
            ("Archive orders older than 365 days", "Archive orders older than three hundred and sixty-five days"),
            ("Borra los registros de hace más de 35 días", "Borra los registros de hace más de treinta y cinco días"),
        ]
    )
    func numberForms(query: String, candidate: String) {
        #expect(promptGuard.check(query: query, candidate: candidate) == .compatible)
    }

    @Test("a currency conversion in the other direction conflicts; currency names match their codes")
    func currencies() {
        let forward = "Convert the invoice amount from EUR to USD"
        #expect(reason(forward, "Convert the invoice amount from USD to EUR") == "direction EUR→USD vs USD→EUR")
        #expect(reason(forward, "Convert the invoice amount from EUR to GBP") == "currency EUR, USD vs EUR, GBP")
        #expect(promptGuard.check(query: forward, candidate: "Convert the invoice amount from euros to US dollars") == .compatible)
        #expect(reason("Convierte el importe de euros a dólares", "Convierte el importe de dólares a euros") == "direction EUR→USD vs USD→EUR")
    }

    @Test(
        "opposite directions conflict",
        arguments: [
            ("Get the first row of the spreadsheet", "Get the last row of the spreadsheet", "direction first vs last"),
            ("Sort the rows by date in ascending order", "Sort the rows by date in descending order", "direction ascending vs descending"),
            ("Sort customers by name from A to Z", "Sort customers by name from Z to A", "direction ascending vs descending"),
            ("Find the invoice with the largest amount", "Find the invoice with the smallest amount", "direction maximum vs minimum"),
            ("Upload the invoice PDF to the S3 bucket", "Download the invoice PDF from the S3 bucket", "direction upload vs download"),
            ("Round the amounts up to the nearest integer", "Round the amounts down to the nearest integer", "direction up vs down"),
            ("Copy the value from column A to column B", "Copy the value from column B to column A", "direction from a to b vs from b to a"),
            ("Convert the CSV to JSON", "Convert the JSON to CSV", "direction from csv to json vs from json to csv"),
            (
                "Find invoices whose due date is within the next 7 days", "Find invoices whose due date was in the last 7 days",
                "direction after vs before"
            ),
        ]
    )
    func directions(query: String, candidate: String, expected: String) {
        #expect(reason(query, candidate) == expected)
    }

    @Test("different comparison operators conflict; their spellings are synonyms")
    func comparisons() {
        #expect(reason("Filter rows where amount > 1000", "Filter rows where amount < 1000") == "comparison > vs <")
        #expect(reason("Select customers with more than 3 orders", "Select customers with at least 3 orders") == "comparison > vs >=")
        #expect(promptGuard.check(query: "Filter rows where amount > 1000", candidate: "Select rows whose amount is above 1,000") == .compatible)
        #expect(promptGuard.check(query: "Find invoices of 1000 or more", candidate: "Find invoices with amount >= 1000") == .compatible)
        let negative = promptGuard.check(query: "Find the customers whose balance is below 0", candidate: "List customers with a negative balance")
        #expect(negative == .compatible)
    }

    @Test(
        "a different field conflicts",
        arguments: [
            ("Extract the invoice total from the PDF text", "Extract the invoice date from the PDF text", "term total vs date"),
            (
                "Extract the sender's email address from the message", "Extract the recipient's email address from the message",
                "field sender vs recipient"
            ),
            ("Sum the values in column B", "Sum the values in column C", "field B vs C"),
            ("Filter the rows where status is 'paid'", "Filter the rows where status is 'pending'", "field 'paid' vs 'pending'"),
            ("Extract the net amount from the invoice", "Extract the gross amount from the invoice", "field net vs gross"),
            (
                "Extract the delivery date from the order confirmation", "Extract the order date from the order confirmation",
                "field delivery date vs order date"
            ),
            ("Normalize the dates in the CSV to YYYY-MM-DD", "Normalize the dates in the CSV to MM/DD/YYYY", "field 'yyyy-mm-dd' vs 'mm/dd/yyyy'"),
        ]
    )
    func fields(query: String, candidate: String, expected: String) {
        #expect(reason(query, candidate) == expected)
    }

    @Test(
        "a different operation conflicts",
        arguments: [
            ("Sum the amounts of all invoices", "Average the amounts of all invoices", "operation sum vs average"),
            ("Insert the invoice into the invoices table", "Delete the invoice from the invoices table", "operation insert vs delete"),
            ("Count the unread emails in the inbox", "List the unread emails in the inbox", "term count vs list"),
            ("Encrypt the attachment", "Decrypt the attachment", "operation encrypt vs decrypt"),
            ("Summarize the email body", "Translate the email body", "term summarize vs translate"),
            ("Remove duplicate rows from the spreadsheet", "Highlight duplicate rows in the spreadsheet", "operation delete vs update"),
        ]
    )
    func operations(query: String, candidate: String, expected: String) {
        #expect(reason(query, candidate) == expected)
    }

    @Test("a different entity conflicts")
    func entities() {
        #expect(reason("Extract the invoice total from the PDF text", "Extract the receipt total from the PDF text") == "entity invoice vs receipt")
        #expect(reason("Delete the customer with the given id", "Delete the supplier with the given id") == "entity customer vs supplier")
        #expect(reason("Parse the XML file", "Parse the JSON file") == "term xml vs json")
    }

    @Test("a negated prompt conflicts with the affirmative one; negations written differently agree")
    func negations() {
        #expect(reason("Get all invoices that are paid", "Get all invoices that are not paid") == "negation affirmative vs negated")
        #expect(reason("Mark the email as read", "Mark the email as unread") == "negation affirmative vs negated")
        #expect(reason("Send the email with the attachment", "Send the email without the attachment") == "negation affirmative vs negated")
        #expect(reason("Filtra las facturas pagadas", "Filtra las facturas no pagadas") == "negation affirmative vs negated")
        #expect(promptGuard.check(query: "Get all invoices that are not paid", candidate: "Retrieve the unpaid invoices") == .compatible)
        #expect(promptGuard.check(query: "Classify the email as spam or not spam", candidate: "Decide whether the email is spam") == .compatible)
    }

    @Test(
        "paraphrases with synonyms and reordered clauses are compatible",
        arguments: [
            ("Sum the amounts of all invoices", "Compute the total of all invoice amounts"),
            ("Calculate the total of all line items", "Add up the amounts of all line items"),
            ("Remove duplicate rows from the spreadsheet", "Delete duplicated rows in the sheet"),
            ("Find the invoice with the largest amount", "Return the invoice with the biggest amount"),
            ("Find the maximum value in the amount column", "Get the largest amount in the amount column"),
            ("Parse the invoice date from the PDF text", "From the PDF text, extract the date of the invoice"),
            ("Sort the rows by date in ascending order", "Order the rows by date, oldest first"),
            ("Get the last 10 emails", "Fetch the 10 most recent emails"),
            ("Send an email to the sender confirming receipt", "Reply to the sender to confirm we received their email"),
            ("Extract the customer name from the invoice", "Get the client name on the invoice"),
            ("Get the top 3 customers by revenue", "Find the three customers with the highest revenue"),
            ("Compute the total amount excluding VAT", "Calculate the net amount without VAT"),
            ("Group the orders by country and count them", "Count the orders per country"),
            ("Calculate the gross amount by adding 21% VAT to the net amount", "Compute the gross amount by adding 21 percent VAT to the net"),
            ("Extrae el total de la factura", "Obtén el importe total de la factura"),
            ("Elimina las filas duplicadas de la hoja", "Borra las filas repetidas de la hoja de cálculo"),
        ]
    )
    func paraphrases(query: String, candidate: String) {
        #expect(promptGuard.check(query: query, candidate: candidate) == .compatible)
    }

    @Test(
        "picking by position is not picking by value; a running total is not a total",
        arguments: [
            ("Return the 3 most recent payments of the customer", "Return the 3 largest payments of the customer", "direction last vs maximum"),
            ("Get the cheapest product", "Get the first product", "direction minimum vs first"),
            ("Compute the running total of the amount column", "Compute the total of the amount column", "operation cumulative sum vs sum"),
        ]
    )
    func rankings(query: String, candidate: String, expected: String) {
        #expect(reason(query, candidate) == expected)
    }

    @Test("the top items are both the first and the largest ones")
    func top() {
        #expect(promptGuard.check(query: "Return the five largest invoices by total", candidate: "Get the top 5 invoices by total") == .compatible)
        #expect(promptGuard.check(query: "Get the top 10 rows", candidate: "Get the first 10 rows") == .compatible)
    }

    @Test("\"replace A with B\" has a direction, like \"from A to B\"")
    func replacements() {
        #expect(
            reason("Replace dots with commas in the amounts", "Replace commas with dots in the amounts")
                == "direction from dot to comma vs from comma to dot")
        #expect(reason("Reemplaza los puntos por comas", "Reemplaza las comas por puntos") == "direction from punto to coma vs from coma to punto")
        #expect(
            promptGuard.check(query: "Replace blank values in the price column with zero", candidate: "Fill empty cells in the price column with 0")
                == .compatible)
    }

    @Test(
        "a verb that is also a noun, or has two senses, is read in the sense the other prompt gives it",
        arguments: [
            ("Create an index on the email column", "Drop the index on the email column", "operation insert vs delete"),
            ("Validate the invoice XML", "Generate the invoice XML", "term validate vs generate"),
            ("Insert the rows into the archive table", "Move the rows into the archive table", "operation insert vs move"),
            ("Archive the invoice PDF", "Print the invoice PDF", "term archive vs print"),
            ("Add the shipping fee to the subtotal", "Subtract the shipping fee from the subtotal", "operation add vs subtract"),
        ]
    )
    func verbSenses(query: String, candidate: String, expected: String) {
        #expect(reason(query, candidate) == expected)
    }

    @Test(
        "the same verb in another sense or form stays compatible",
        arguments: [
            ("Archive processed emails", "Move emails that have been processed to the archive"),
            ("Create a monthly sales report as a PDF", "Generate a PDF report of the monthly sales"),
            ("Add a row to the sheet", "Insert a row into the sheet"),
            (
                "For each row in the sheet, compute the VAT as 21% of the net amount and write it to a new column",
                "Add a new column with the VAT, computed as 21% of each row's net amount"
            ),
            ("Calculate the gross amount by adding 21% VAT to the net amount", "Compute the gross amount as the net amount plus 21% VAT"),
        ]
    )
    func verbSensesCompatible(query: String, candidate: String) {
        #expect(promptGuard.check(query: query, candidate: candidate) == .compatible)
    }

    @Test("empty, blank and missing are one negated term, so double negations cancel")
    func emptiness() {
        let compatible = [
            ("Validate that every row has a non-empty email", "Check that no row is missing an email"),
            ("Mark rows with a missing tax ID", "Flag the rows where the tax ID is empty"),
            ("Find invoices missing a due date", "Find invoices without a due date"),
            ("Empty the trash folder", "Delete all emails in the trash folder"),
        ]
        for (query, candidate) in compatible {
            #expect(promptGuard.check(query: query, candidate: candidate) == .compatible, "\(query) | \(candidate)")
        }
        #expect(reason("Remove rows where the email is not empty", "Remove rows where the email is empty") == "negation affirmative vs negated")
        #expect(reason("Find invoices missing a due date", "Find invoices with a due date") == "negation negated vs affirmative")
    }

    @Test("a word whose stem is that of a negation is not a negation")
    func notNegations() {
        let note = promptGuard.check(
            query: "Send a thank-you email after a payment is received", candidate: "Once a payment arrives, email the customer a thank-you note")
        #expect(note == .compatible)
        #expect(reason("Add a note to the invoice", "Do not add a note to the invoice") == "negation affirmative vs negated")
    }

    @Test("a threshold crossed downwards or upwards is a comparison")
    func crossings() {
        #expect(
            promptGuard.check(query: "Alert me if the balance falls below 500", candidate: "Notify me when the balance drops under 500")
                == .compatible)
        #expect(reason("Alert when the stock drops below 10", "Alert when the stock rises above 10") == "comparison < vs >")
    }

    @Test("fiscal quarters: Q1 is the first quarter")
    func quarters() {
        #expect(promptGuard.check(query: "Retrieve invoices issued in Q1", candidate: "Get invoices issued in the first quarter") == .compatible)
        #expect(reason("Get the invoices from Q2", "Get the invoices from Q3") == "number 2 vs 3")
    }

    @Test(
        "domain synonyms compare equal",
        arguments: [
            ("Wipe all rows from the staging table", "Delete every row in the staging table"),
            ("Pick out the IBAN from the payment instructions", "Extract the IBAN in the payment instructions"),
            ("Erase customers that requested deletion", "Delete the customers who asked to be deleted"),
            ("Flag emails that mention a refund", "Mark every message that talks about a refund"),
            ("Copy the totals into the summary tab", "Copy the totals to the summary sheet"),
            ("Remove HTML tags from the email body", "Strip the HTML markup out of the email body"),
            ("Convert the amount column to integers", "Cast the values in the amount column to int"),
            ("Extract the hours worked from the timesheet", "Get the number of hours worked from the time sheet"),
            ("Ignore emails that come from no-reply addresses", "Skip messages sent from no-reply addresses"),
            ("Compute the average days to pay per customer", "Average number of days each customer takes to pay"),
            ("Insert the contact if it does not exist yet", "Add the contact only when it is not already in the table"),
            ("Find the supplier who sent the most invoices", "Which supplier sent the highest number of invoices"),
        ]
    )
    func domainSynonyms(query: String, candidate: String) {
        #expect(promptGuard.check(query: query, candidate: candidate) == .compatible)
    }

    @Test(
        "names with digits, and inflections that look like other words, are compared whole",
        arguments: [
            (
                "Copy the data from Sheet1 to Sheet2", "Copy the data from Sheet2 to Sheet1",
                "direction from sheet1 to sheet2 vs from sheet2 to sheet1"
            ),
            ("Sum the cells A1 to A10", "Sum the cells A1 to A20", "field 'a1', 'a10' vs 'a1', 'a20'"),
            (
                "Transfer 100 from the savings account to the checking account",
                "Transfer 100 from the checking account to the savings account", "direction from saving to check vs from check to saving"
            ),
        ]
    )
    func wholeNames(query: String, candidate: String, expected: String) {
        #expect(reason(query, candidate) == expected)
    }

    @Test("what one prompt names right after \"from\", the other must not name right after \"to\"")
    func sourceAndTarget() {
        #expect(
            reason("Count emails sent to support@example.com", "Count emails sent from support@example.com") == "direction to support vs from support"
        )
        let compatible = [
            ("Extract the line items from the invoice as a table", "Turn the invoice's line items into a table"),
            ("Split the full name column into first name and last name", "Separate the full name into first and last name columns"),
            ("Replace commas with semicolons in the CSV export", "Swap every comma in the CSV export for a semicolon"),
            ("Replace 'N/A' with an empty string in every cell", "Substitute an empty string for 'N/A' in all cells"),
        ]
        for (query, candidate) in compatible {
            #expect(promptGuard.check(query: query, candidate: candidate) == .compatible, "\(query) | \(candidate)")
        }
    }

    @Test("two prompts that both read and then change data must change it the same way")
    func changes() {
        #expect(
            reason(
                "Parse the bank statement CSV and insert each transaction into the transactions table",
                "Parse the bank statement CSV and delete each transaction from the transactions table"
            ) == "operation insert+read vs delete+read")
        #expect(
            promptGuard.check(query: "Extract the invoice total and save it to the database", candidate: "Save the invoice total into the database")
                == .compatible)
    }

    @Test("calendar periods relative to now conflict; their spellings agree")
    func periods() {
        #expect(reason("Query customers who signed up this year", "Query customers who signed up last year") == "direction current vs previous")
        #expect(reason("Get last month's invoices", "Get last year's invoices") == "term last month vs last year")
        #expect(promptGuard.check(query: "Get the previous month's invoices", candidate: "Get last month's invoices") == .compatible)
    }

    @Test("a qualifier or a field named on one side only conflicts")
    func oneSided() {
        #expect(reason("Count distinct customers in the orders table", "Count all customers in the orders table") == "operation distinct vs none")
        #expect(reason("Sum the net amounts of the invoices", "Sum the tax amounts of the invoices") == "term net amounts vs tax, amounts")
    }

    @Test(
        "ways of sending a message compare equal",
        arguments: [
            (
                "Notify the warehouse by email when the stock drops below 5",
                "Email the warehouse whenever the stock falls under 5"
            ),
            ("Send the weekly sales report every Monday", "Every Monday, email out the weekly sales report"),
            ("Highlight rows where the balance is negative", "Colour the rows with a balance below zero"),
        ]
    )
    func messagesAndMarks(query: String, candidate: String) {
        #expect(promptGuard.check(query: query, candidate: candidate) == .compatible)
    }

    @Test("the verdict does not depend on which prompt is the query")
    func symmetry() {
        let pairs = [
            ("Filter rows where amount > 1000", "Filter rows where amount > 5000"),
            ("Extract the invoice total from the PDF text", "Extract the VAT amount from the PDF text"),
            ("Get all invoices that are not paid", "Retrieve the unpaid invoices"),
            ("Import the contacts from the CSV into the database", "Export the contacts from the database into a CSV"),
            ("Count the distinct customers in the orders table", "List the distinct customers in the orders table"),
            ("Return the 3 most recent payments of the customer", "Return the 3 largest payments of the customer"),
            ("Count emails sent to support@example.com", "Count emails sent from support@example.com"),
            ("Validate that every row has a non-empty email", "Check that no row is missing an email"),
        ]
        for (first, second) in pairs {
            #expect(
                promptGuard.check(query: first, candidate: second).isCompatible
                    == promptGuard.check(query: second, candidate: first).isCompatible
            )
        }
    }
}
