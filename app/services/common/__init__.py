"""What every area's services share: who acts, who may, the audit trail, the labels."""
