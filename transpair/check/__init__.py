"""Quality checks over aligned PO files (`transpair check`) and term mining (`transpair terms`)."""
